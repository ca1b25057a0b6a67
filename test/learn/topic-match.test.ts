import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/shared/core/suggest.js';
import { matchTopic } from '../../src/shared/core/topic-match.js';

const TOPICS = [
  { id: 'mlops', aliases: ['ops'] },
  { id: 'linear-regression', aliases: ['linreg', 'lr'] },
  { id: 'mse', aliases: ['mean-squared-error'] },
  { id: 'gradient-descent', aliases: ['gd'] },
  { id: 'production-ml', aliases: [] },
];

describe('matchTopic', () => {
  it.each([
    ['mlops', 'mlops'],
    ['MLOps', 'mlops'],
    ['gd', 'gradient-descent'],
    ['GD', 'gradient-descent'],
    [' linreg ', 'linear-regression'],
    ['Mean Squared Error', 'mse'],
    ['gradient_descent', 'gradient-descent'],
  ])('finds %j as %s', (query, id) => {
    const match = matchTopic(query, TOPICS);
    expect(match.found && match.topic.id).toBe(id);
  });

  it.each([
    ['gradient-decent', ['gradient-descent']],
    ['mlosp', ['mlops']],
    ['msee', ['mse']],
    ['linear', ['linear-regression']],
    ['production', ['production-ml']],
  ])('suggests the closest lessons for %j', (query, ids) => {
    const match = matchTopic(query, TOPICS);
    expect(match.found).toBe(false);
    if (!match.found) expect(match.suggestions.map((topic) => topic.id)).toEqual(ids);
  });

  it('suggests nothing for a word unlike every lesson', () => {
    const match = matchTopic('quantum-chromodynamics', TOPICS);
    expect(match).toEqual({ found: false, suggestions: [] });
  });
});

describe('editDistance', () => {
  it.each([
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['mlosp', 'mlops', 1],
    ['same', 'same', 0],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
