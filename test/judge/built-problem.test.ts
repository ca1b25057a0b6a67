import { describe, expect, it } from 'vitest';
import {
  builtChecked,
  contentFingerprint,
  readBuiltProblem,
  survivesJson,
} from '../../src/judge/core/built-problem.js';

describe('contentFingerprint', () => {
  it('is the same for the same text and differs for any edit', () => {
    const text = '{"cases":[{"id":"example-1","input":{"x":[1,2,3]}}]}';
    expect(contentFingerprint(text)).toBe(contentFingerprint(`${text}`));
    const edits = [
      text.replace('1,2,3', '1,2,4'),
      text.replace('"x"', '"y"'),
      `${text} `,
      text.slice(1),
      text.replace('example-1', 'example-\u0131'),
    ];
    const prints = new Set([text, ...edits].map(contentFingerprint));
    expect(prints.size).toBe(edits.length + 1);
  });
});

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
      expect(survivesJson(value), String(value)).toBe(false);
  });
});

describe('readBuiltProblem and builtChecked', () => {
  const file = {
    files: { 'problem.json': contentFingerprint('{"id":"p"}') },
    answers: { 'example-1': [1, 2] },
  };

  it('vouches for exactly the text the build fingerprinted, and nothing else', () => {
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
