import { describe, expect, it } from 'vitest';
import {
  builtChecked,
  readBuiltProblem,
  survivesJson,
} from '../../src/judge/core/built-problem.js';

describe('survivesJson', () => {
  it('keeps answers that JSON gives back exactly', () => {
    for (const value of [0, 1.5, -2e-300, [1, [2, 3]], { w: 1, b: [0.5] }, 'ok', true, null])
      expect(survivesJson(value), JSON.stringify(value)).toBe(true);
  });

  it('leaves out what JSON would change', () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      [1, -0],
      { w: Number.NaN },
      new Float64Array([1, 2]),
      new Map([['w', 1]]),
      undefined,
      [undefined],
    ])
      expect(survivesJson(value), Object.prototype.toString.call(value)).toBe(false);
  });
});

describe('readBuiltProblem and builtChecked', () => {
  const file = {
    files: { 'problem.json': '{"id":"p"}' },
    answers: { 'example-1': [1, 2] },
  };

  it('vouches for exactly the text the build checked, and nothing else', () => {
    const built = readBuiltProblem(JSON.stringify(file));
    expect(built?.answers).toEqual({ 'example-1': [1, 2] });
    expect(builtChecked(built, 'problem.json', '{"id":"p"}')).toBe(true);
    expect(builtChecked(built, 'problem.json', '{"id":"q"}')).toBe(false);
    expect(builtChecked(built, 'cases.json', '{"id":"p"}')).toBe(false);
    expect(builtChecked(built, 'toString', '{"id":"p"}')).toBe(false);
    expect(builtChecked(undefined, 'problem.json', '{"id":"p"}')).toBe(false);
  });

  it('takes a damaged record for no record', () => {
    for (const text of [
      '',
      'not json',
      'null',
      '[]',
      '{"files":{}}',
      '{"answers":{}}',
      '{"files":[],"answers":{}}',
      '{"files":{"problem.json":1},"answers":{}}',
      '{"files":{},"answers":[]}',
    ])
      expect(readBuiltProblem(text), text).toBeUndefined();
  });
});
