import { describe, expect, it } from 'vitest';
import {
  compareReturned,
  describeComparison,
  formatNumber,
  withinTolerance,
} from '../../src/judge/core/compare.js';
import { diagnose } from '../../src/judge/core/diagnose.js';
import { buildCase, runGenerator } from '../../src/judge/core/generate.js';
import { mulberry32 } from '../../src/judge/core/prng.js';
import { buildReport } from '../../src/judge/core/report.js';
import { parseReturnedValue, type ReturnedValue } from '../../src/judge/core/returned-value.js';
import { extractReference, type NamedNumber } from '../../src/judge/core/shape.js';
import { judgeCall, type CallOutcome } from '../../src/judge/core/verdict.js';
import { validateInput } from '../../src/judge/core/custom-input.js';
import type { Parameter, ReturnShape } from '../../src/judge/core/problem-schema.js';

const tolerance = { kind: 'tolerance', absolute: 1e-6, relative: 1e-6 } as const;
const tuple: ReturnShape = {
  kind: 'tuple',
  items: [
    { name: 'w', kind: 'number' },
    { name: 'b', kind: 'number' },
  ],
};
const num = (v: number | 'NaN' | 'Infinity' | '-Infinity'): ReturnedValue => ({ t: 'num', v });
const seq = (...items: ReturnedValue[]): ReturnedValue => ({ t: 'seq', n: items.length, items });
const pair = (w: number | 'NaN' | 'Infinity', b: number | 'NaN' | 'Infinity'): ReturnedValue =>
  seq(num(w), num(b));
const named = (shape: ReturnShape, value: unknown): NamedNumber[] => {
  const extracted = extractReference(shape, value);
  if (!extracted.ok) throw new Error(extracted.problem);
  return extracted.numbers;
};
const wb = (w: number, b: number) => named(tuple, [w, b]);

describe('mulberry32 and generated data', () => {
  it('gives the same sequence for a seed, on every machine (pinned values)', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([2581720956, 1925393290, 3661312704]);
  });

  it('builds features and targets as short decimals, identical on every call', () => {
    const spec = {
      kind: 'linear' as const,
      into: { features: 'x', targets: 'y' },
      seed: 7,
      n: 50,
      xMin: -5,
      xMax: 5,
      decimals: 2,
      weights: [1.5],
      bias: -2,
      noise: 0.5,
    };
    const first = runGenerator(spec, {});
    expect(runGenerator(spec, {})).toEqual(first);
    const values = [...(first.x as number[]), ...(first.y as number[])];
    for (const value of values) {
      // Every value is k / 100 for an integer k: exactly what a JSON round trip preserves.
      expect(Math.abs(value * 100 - Math.round(value * 100))).toBeLessThan(1e-9);
      expect(JSON.parse(JSON.stringify(value))).toBe(value);
    }
    expect((first.x as number[]).every((x) => x >= -5 && x <= 5)).toBe(true);
  });

  it('makes a table with one column per weight', () => {
    const data = runGenerator(
      {
        kind: 'linear',
        into: { features: 'X', targets: 'y' },
        seed: 3,
        n: 4,
        xMin: 0,
        xMax: 9,
        decimals: 0,
        weights: [2, -1, 0.5],
        bias: 1,
        noise: 0,
      },
      {},
    );
    const rows = data.X as number[][];
    expect(rows).toHaveLength(4);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(3);
      expect((data.y as number[])[i]).toBe(Math.round(2 * row[0]! - row[1]! + 0.5 * row[2]!) + 1);
    });
  });

  it('draws labels, flips some of them, and counts up', () => {
    const labels = runGenerator(
      { kind: 'bernoulli', into: 'actual', seed: 5, length: 2000, p: 0.3 },
      {},
    );
    const ones = (labels.actual as number[]).filter((v) => v === 1).length;
    expect(ones / 2000).toBeGreaterThan(0.25);
    expect(ones / 2000).toBeLessThan(0.35);
    const copied = runGenerator(
      { kind: 'noisy-copy', into: 'predicted', from: 'actual', seed: 6, flip: 0.1 },
      labels,
    );
    const flipped = (copied.predicted as number[]).filter(
      (v, i) => v !== (labels.actual as number[])[i],
    ).length;
    expect(flipped / 2000).toBeGreaterThan(0.07);
    expect(flipped / 2000).toBeLessThan(0.13);
    const times = runGenerator(
      { kind: 'increasing', into: 't', seed: 1, length: 50, start: 10, minStep: 0, maxStep: 5 },
      {},
    );
    const t = times.t as number[];
    expect(t[0]).toBe(10);
    expect(t.every((v, i) => i === 0 || v >= t[i - 1]!)).toBe(true);
  });

  it('draws normal numbers rounded to their decimals, within the clamp', () => {
    const data = runGenerator(
      { kind: 'normal', into: 'v', seed: 9, length: 5000, mean: 10, sd: 2, decimals: 1, min: 5 },
      {},
    );
    const values = data.v as number[];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 10)).toBeLessThan(0.15);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(5);
    expect(values.every((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9)).toBe(true);
  });

  it('runs a case’s generators in order over its literal input', () => {
    const built = buildCase({
      id: 'c',
      group: 'g',
      description: 'd',
      hidden: true,
      input: { k: 3 },
      generate: [
        { kind: 'bernoulli', into: 'a', seed: 1, length: 4, p: 0.5 },
        { kind: 'noisy-copy', into: 'b', from: 'a', seed: 2, flip: 0 },
      ],
    });
    expect(built.input.k).toBe(3);
    expect(built.input.b).toEqual(built.input.a);
  });

  it('makes the generated arguments when they are first read, once', () => {
    const built = buildCase({
      id: 'c',
      group: 'g',
      description: 'd',
      hidden: true,
      input: {},
      // Reads a list no one made: it throws, but only when the input is read.
      generate: [{ kind: 'noisy-copy', into: 'b', from: 'missing', seed: 2, flip: 0 }],
    });
    expect(built.id).toBe('c');
    expect(() => built.input).toThrow(/"missing" is not a list yet/);
    const made = buildCase({
      id: 'd',
      group: 'g',
      description: 'd',
      hidden: true,
      input: {},
      generate: [{ kind: 'bernoulli', into: 'a', seed: 1, length: 4, p: 0.5 }],
    });
    expect(made.input).toBe(made.input);
    expect(JSON.parse(JSON.stringify(made))).toEqual({ ...made, input: made.input });
  });
});

describe('tolerance comparison', () => {
  it('accepts within 1e-6 absolute or relative, and treats -0 as 0', () => {
    expect(withinTolerance(1 + 9e-7, 1, tolerance)).toBe(true);
    expect(withinTolerance(1 + 2e-6, 1, tolerance)).toBe(false);
    expect(withinTolerance(1e6 + 0.5, 1e6, tolerance)).toBe(true); // relative
    expect(withinTolerance(1e6 + 2, 1e6, tolerance)).toBe(false);
    expect(withinTolerance(-0, 0, tolerance)).toBe(true);
    expect(withinTolerance(5e-7, 0, tolerance)).toBe(true); // absolute near zero
  });

  it('wants the same number when the rule is exact', () => {
    expect(withinTolerance(3, 3, { kind: 'exact' })).toBe(true);
    expect(withinTolerance(3 + 1e-12, 3, { kind: 'exact' })).toBe(false);
  });

  it('never accepts NaN or infinities against a finite reference', () => {
    expect(withinTolerance(Number.NaN, 1, tolerance)).toBe(false);
    expect(withinTolerance(Infinity, 1e300, tolerance)).toBe(false);
  });

  it('compares a non-finite reference by class', () => {
    expect(withinTolerance(Number.NaN, Number.NaN, tolerance)).toBe(true);
    expect(withinTolerance(Infinity, Infinity, tolerance)).toBe(true);
    expect(withinTolerance(-Infinity, Infinity, tolerance)).toBe(false);
  });

  it('explains wrong types, wrong arity and non-finite values', () => {
    const describe = (value: ReturnedValue) =>
      describeComparison(compareReturned(value, wb(1, 2), tuple, tolerance), false);
    expect(compareReturned({ t: 'none' }, wb(1, 2), tuple, tolerance)).toMatchObject({
      kind: 'wrong-type',
    });
    expect(describe({ t: 'none' })).toBe(
      'returned nothing (None/undefined); expected 2 values (w, b)',
    );
    expect(describe({ t: 'seq', n: 3, items: [] })).toBe(
      'returned 3 values; expected exactly 2 (w, b)',
    );
    expect(describe(seq(num(1), { t: 'str' }))).toBe('b is a string; expected a number');
    const nan = compareReturned(pair('NaN', 2), wb(1, 2), tuple, tolerance);
    expect(nan.kind).toBe('not-finite');
    expect(describeComparison(nan, false)).toMatch(/^w is NaN/);
  });

  it('shows values for public cases and only error sizes for hidden ones', () => {
    const comparison = compareReturned(pair(0.66, 0.78), wb(1.32, 0.78), tuple, tolerance);
    expect(comparison.kind).toBe('mismatch');
    expect(describeComparison(comparison, false)).toBe(
      'w = 0.66, expected 1.32 (off by 6.6e-1, relative 5.0e-1)',
    );
    const hidden = describeComparison(comparison, true);
    expect(hidden).toBe('w is off by 6.6e-1 (relative 5.0e-1)');
    expect(hidden).not.toContain('1.32');
  });

  it('compares a list item by item, and says when its length is wrong', () => {
    const list: ReturnShape = { kind: 'list' };
    const expected = named(list, [0.5, 0.25, 0.25, 0, 0]);
    const got = (...values: number[]) => seq(...values.map((v) => num(v)));
    expect(compareReturned(got(0.5, 0.25, 0.25, 0, 0), expected, list, tolerance).kind).toBe(
      'match',
    );
    const off = compareReturned(got(0.5, 0.3, 0.2, 0, 0.1), expected, list, tolerance);
    expect(describeComparison(off, true)).toBe(
      'result[1] is off by 5.0e-2 (relative 2.0e-1); result[2] is off by 5.0e-2 (relative 2.0e-1); result[4] is off by 1.0e-1 (relative Infinity)',
    );
    expect(describeComparison(compareReturned(got(1), expected, list, tolerance), false)).toBe(
      'the result has 1 value; expected 5',
    );
  });

  it('reads a record from a dict or object, and names missing or extra keys', () => {
    const record: ReturnShape = {
      kind: 'record',
      fields: [
        { name: 'precision', kind: 'number' },
        { name: 'recall', kind: 'number' },
      ],
    };
    const expected = named(record, { precision: 0.75, recall: 0.5 });
    const map = (...entries: Array<[string, number]>): ReturnedValue => ({
      t: 'map',
      entries: entries.map(([key, value]) => [key, num(value)]),
    });
    expect(
      compareReturned(map(['recall', 0.5], ['precision', 0.75]), expected, record, tolerance).kind,
    ).toBe('match');
    const swapped = compareReturned(
      map(['recall', 0.75], ['precision', 0.5]),
      expected,
      record,
      tolerance,
    );
    expect(describeComparison(swapped, false)).toBe(
      'precision = 0.5, expected 0.75 (off by 2.5e-1, relative 3.3e-1); recall = 0.75, expected 0.5 (off by 2.5e-1, relative 5.0e-1)',
    );
    expect(
      describeComparison(
        compareReturned(map(['precision', 1]), expected, record, tolerance),
        false,
      ),
    ).toBe('the result has no key "recall"');
    expect(
      describeComparison(
        compareReturned(
          map(['precision', 1], ['recall', 1], ['f1', 1]),
          expected,
          record,
          tolerance,
        ),
        false,
      ),
    ).toBe('the result has unexpected key "f1"; expected only precision, recall');
    expect(
      describeComparison(compareReturned(pair(1, 2), expected, record, tolerance), false),
    ).toBe('returned a sequence of 2; expected a dict/object with keys precision, recall');
  });

  it('takes a tuple of a list and a number apart', () => {
    const shape: ReturnShape = {
      kind: 'tuple',
      items: [
        { name: 'weights', kind: 'list' },
        { name: 'bias', kind: 'number' },
      ],
    };
    const expected = named(shape, [[1, 2], 3]);
    expect(expected.map((item) => item.name)).toEqual(['weights[0]', 'weights[1]', 'bias']);
    expect(compareReturned(seq(seq(num(1), num(2)), num(3)), expected, shape, tolerance).kind).toBe(
      'match',
    );
    expect(extractReference(shape, [[1, 2]])).toEqual({
      ok: false,
      problem: 'it did not return 2 values',
    });
  });

  it('formats numbers compactly and stably', () => {
    expect(formatNumber(1.3200000000000003)).toBe('1.32');
    expect(formatNumber(199.99285075131766)).toBe('199.9928508');
    expect(formatNumber(1.5e-9)).toBe('1.5e-9');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('returned value descriptions from harnesses', () => {
  it('accepts well-formed descriptions and rejects malformed ones', () => {
    expect(parseReturnedValue(pair(1, 'Infinity'))).toEqual(pair(1, 'Infinity'));
    expect(parseReturnedValue({ t: 'num', v: 'lots' })).toBeUndefined();
    expect(parseReturnedValue({ t: 'seq', n: 1, items: [{ t: '??' }] })).toBeUndefined();
    expect(parseReturnedValue({ t: 'map', entries: [['a', { t: 'num', v: 1 }]] })).toEqual({
      t: 'map',
      entries: [['a', { t: 'num', v: 1 }]],
    });
    expect(parseReturnedValue({ t: 'map', entries: [[1, { t: 'num', v: 1 }]] })).toBeUndefined();
    expect(parseReturnedValue('accepted')).toBeUndefined();
  });
});

describe('verdict precedence for one call', () => {
  const judge = (outcome: CallOutcome, hidden = false) =>
    judgeCall(outcome, wb(1.32, 0.78), tuple, tolerance, { cpuMsPerCase: 4000 }, hidden);

  it('accepts a correct value and rejects a wrong one', () => {
    expect(
      judge({ status: 'returned', value: pair(1.32, 0.78), cpuMs: 1, wallMs: 1 }).verdict,
    ).toBe('accepted');
    expect(judge({ status: 'returned', value: pair(1, 0.78), cpuMs: 1, wallMs: 1 }).verdict).toBe(
      'wrong_answer',
    );
  });

  it('puts the time limit before the comparison, even for a right answer', () => {
    const late = judge({ status: 'returned', value: pair(1.32, 0.78), cpuMs: 4500, wallMs: 4600 });
    expect(late.verdict).toBe('time_limit_exceeded');
  });

  it('maps each way a run can stop to its verdict', () => {
    expect(judge({ status: 'killed', reason: 'cpu', wallMs: 1 }).verdict).toBe(
      'time_limit_exceeded',
    );
    expect(judge({ status: 'killed', reason: 'wall', wallMs: 1 }).verdict).toBe(
      'time_limit_exceeded',
    );
    expect(judge({ status: 'killed', reason: 'memory', wallMs: 1 }).verdict).toBe(
      'memory_limit_exceeded',
    );
    expect(judge({ status: 'killed', reason: 'output', wallMs: 1 }).verdict).toBe(
      'output_limit_exceeded',
    );
    expect(judge({ status: 'raised', kind: 'runtime', message: 'boom', wallMs: 1 })).toMatchObject({
      verdict: 'runtime_error',
      message: 'boom',
    });
    expect(
      judge({ status: 'raised', kind: 'memory', message: 'MemoryError', wallMs: 1 }).verdict,
    ).toBe('memory_limit_exceeded');
    expect(judge({ status: 'died', message: 'exit 7', wallMs: 1 }).verdict).toBe('runtime_error');
  });
});

describe('diagnosis', () => {
  const mistake = (id: string) => ({ id, title: id, explanation: 'e', fix: 'f' });

  it('names the first mistake whose variant reproduces the answer', () => {
    const found = diagnose(
      wb(0.83, 0.495),
      [
        { mistake: mistake('a'), outputs: [wb(1, 1)] },
        { mistake: mistake('b'), outputs: [wb(5, 5), wb(0.83, 0.495 + 1e-9)] },
        { mistake: mistake('c'), outputs: [wb(0.83, 0.495)] },
      ],
      tolerance,
    );
    expect(found?.mistake).toBe('b');
  });

  it('stays silent when nothing matches', () => {
    expect(diagnose(wb(9, 9), [{ mistake: mistake('a'), outputs: [wb(1, 1)] }], tolerance)).toBe(
      undefined,
    );
  });

  it("recognises a mistake within its own tolerance when it has one, as float32's rounding needs", () => {
    const rounding = {
      ...mistake('float32'),
      recognisedWithin: { kind: 'tolerance' as const, absolute: 1e-6, relative: 1e-5 },
    };
    // A learner's BLAS rounds in its own order: 3e-6 relative from the emulated float32 loop.
    const got = wb(100.0003, 50.00015);
    const variant = [wb(100, 50)];
    expect(diagnose(got, [{ mistake: mistake('strict'), outputs: variant }], tolerance)).toBe(
      undefined,
    );
    expect(diagnose(got, [{ mistake: rounding, outputs: variant }], tolerance)?.mistake).toBe(
      'float32',
    );
    expect(diagnose(wb(100.01, 50), [{ mistake: rounding, outputs: variant }], tolerance)).toBe(
      undefined,
    );
  });
});

describe('report', () => {
  it('keeps the documented shape and lets the first failure decide', () => {
    const report = buildReport({
      problem: 'p',
      language: 'python',
      total: 3,
      durationMs: 12.4,
      sandbox: 'full',
      tests: [
        { id: 'a', group: 'g', hidden: false, verdict: 'accepted', timeMs: 1 },
        { id: 'b', group: 'g', hidden: true, verdict: 'wrong_answer', timeMs: 2, message: 'm' },
      ],
    });
    expect(report).toEqual({
      problem: 'p',
      language: 'python',
      verdict: 'wrong_answer',
      passed: 1,
      total: 3,
      durationMs: 12,
      sandbox: 'full',
      message: 'm',
      tests: [
        { id: 'a', group: 'g', hidden: false, verdict: 'accepted', timeMs: 1 },
        { id: 'b', group: 'g', hidden: true, verdict: 'wrong_answer', timeMs: 2, message: 'm' },
      ],
    });
  });
});

describe('custom input validation', () => {
  const parameters: Parameter[] = [
    { name: 'x', type: 'number[]', minLength: 1, description: 'xs' },
    { name: 'y', type: 'number[]', sameLengthAs: 'x', description: 'ys' },
    {
      name: 'learningRate',
      pythonName: 'learning_rate',
      type: 'number',
      min: 0,
      max: 1,
      description: 'α',
    },
    { name: 'iterations', type: 'integer', min: 0, description: 'count' },
  ];

  it('accepts camelCase and Python spellings', () => {
    const result = validateInput({ x: [1], y: [2], learning_rate: 0.1, iterations: 3 }, parameters);
    expect(result).toEqual({
      ok: true,
      input: { x: [1], y: [2], learningRate: 0.1, iterations: 3 },
    });
  });

  it('lists every problem at once', () => {
    const result = validateInput(
      { x: [], y: [1, 2], learningRate: 2, iterations: 1.5, z: 1 },
      parameters,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        'unknown field "z"',
        '"x" needs at least 1 value(s)',
        '"learningRate" must be within [0, 1]',
        '"iterations" must be a whole number',
        '"y" and "x" must have the same length',
      ]);
    }
  });

  it('checks whole-number lists, sorted lists and tables', () => {
    const more: Parameter[] = [
      { name: 'labels', type: 'integer[]', min: 0, max: 1, description: 'labels' },
      { name: 'times', type: 'integer[]', sorted: true, description: 'times' },
      { name: 'X', type: 'number[][]', minColumns: 2, maxColumns: 3, description: 'rows' },
    ];
    const result = validateInput({ labels: [0, 1, 2], times: [3, 1], X: [[1, 2], [3]] }, more);
    expect(result).toEqual({
      ok: false,
      problems: [
        '"labels" values must be within [0, 1]',
        '"times" must be in increasing order',
        '"X" rows must all be the same length',
      ],
    });
    expect(validateInput({ labels: [1, 0], times: [1, 1, 4], X: [[1, 2]] }, more).ok).toBe(true);
    expect(validateInput({ labels: [0.5], times: [], X: [[1]] }, more)).toEqual({
      ok: false,
      problems: ['"labels" must hold whole numbers', '"X" rows need at least 2 value(s)'],
    });
  });
});
