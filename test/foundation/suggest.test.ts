import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance, suggestClosest } from '../../src/shared/core/suggest.js';

describe('suggestions', () => {
  it('measures edit distance with transpositions', () => {
    expect(editDistance('learn', 'learn')).toBe(0);
    expect(editDistance('lern', 'learn')).toBe(1);
    expect(editDistance('laern', 'learn')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests close and prefix matches, not everything', () => {
    const names = ['learn', 'progress', 'solve', 'submit', 'feed', 'hint', 'test'];
    expect(closestMatches('lern', names)).toEqual(['learn']);
    expect(closestMatches('sub', names)).toEqual(['submit']);
    expect(closestMatches('zzzzzz', names)).toEqual([]);
    expect(suggestClosest('tset', names)).toBe('did you mean test? ');
    expect(suggestClosest('q', names)).toBe('');
  });

  it('ranks substrings, dedupes candidates and keeps their order on ties', () => {
    const names = ['learn', 'progress', 'problems', 'learn'];
    expect(closestMatches('ear', names)).toEqual(['learn']);
    expect(closestMatches('pro', names)).toEqual(['progress', 'problems']);
    expect(closestMatches('PROGRES', names)).toEqual(['progress']);
    expect(closestMatches('', names)).toEqual([]);
    expect(closestMatches('pro', names, 1)).toEqual(['progress']);
  });
});
