import { describe, expect, it } from 'vitest';
import {
  compareReturned,
  describeComparison,
  formatNumber,
  withinTolerance,
} from '../../src/core/judge/compare.js';
import { diagnose } from '../../src/core/judge/diagnose.js';
import { generateLinearData } from '../../src/core/judge/generate.js';
import { mulberry32 } from '../../src/core/judge/prng.js';
import { buildReport } from '../../src/core/judge/report.js';
import { parseReturnedValue, type ReturnedValue } from '../../src/core/judge/returned-value.js';
import { judgeCall, type CallOutcome } from '../../src/core/judge/verdict.js';
import { validateInput } from '../../src/core/judge/custom-input.js';
import type { Parameter } from '../../src/core/judge/problem-schema.js';

const tolerance = { absolute: 1e-6, relative: 1e-6 };
const names = ['w', 'b'];
const pair = (w: number | string, b: number | string): ReturnedValue => ({
  t: 'seq',
  n: 2,
  items: [w, b].map((v) => ({ t: 'num', v }) as ReturnedValue),
});

describe('mulberry32 and generated data', () => {
  it('gives the same sequence for a seed, on every machine (pinned values)', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([2581720956, 1925393290, 3661312704]);
  });

  it('builds x and y as short decimals, identical on every call', () => {
    const spec = {
      kind: 'linear' as const,
      seed: 7,
      n: 50,
      xMin: -5,
      xMax: 5,
      decimals: 2,
      slope: 1.5,
      intercept: -2,
      noise: 0.5,
    };
    const first = generateLinearData(spec);
    expect(generateLinearData(spec)).toEqual(first);
    for (const value of [...first.x, ...first.y]) {
      // Every value is k / 100 for an integer k: exactly what a JSON round trip preserves.
      expect(Number.isInteger(Math.round(value * 100))).toBe(true);
      expect(Math.abs(value * 100 - Math.round(value * 100))).toBeLessThan(1e-9);
      expect(JSON.parse(JSON.stringify(value))).toBe(value);
    }
    expect(first.x.every((x) => x >= -5 && x <= 5)).toBe(true);
  });

  it('makes every x equal for a constant-x spec', () => {
    const data = generateLinearData({
      kind: 'linear',
      seed: 1,
      n: 5,
      xMin: 2,
      xMax: 2,
      decimals: 1,
      slope: 1,
      intercept: 0,
      noise: 1,
      constantX: true,
    });
    expect(new Set(data.x)).toEqual(new Set([2]));
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
    expect(compareReturned({ t: 'none' }, [1, 2], names, tolerance)).toMatchObject({
      kind: 'wrong-type',
    });
    expect(
      describeComparison(compareReturned({ t: 'none' }, [1, 2], names, tolerance), false),
    ).toBe('returned nothing (None/undefined); expected 2 numbers (w, b)');
    const three: ReturnedValue = { t: 'seq', n: 3, items: [] };
    expect(describeComparison(compareReturned(three, [1, 2], names, tolerance), false)).toBe(
      'returned 3 values; expected exactly 2',
    );
    const withString: ReturnedValue = { t: 'seq', n: 2, items: [{ t: 'num', v: 1 }, { t: 'str' }] };
    expect(describeComparison(compareReturned(withString, [1, 2], names, tolerance), false)).toBe(
      'b is a string; expected 2 numbers (w, b)',
    );
    const nan = compareReturned(pair('NaN', 2), [1, 2], names, tolerance);
    expect(nan.kind).toBe('not-finite');
    expect(describeComparison(nan, false)).toMatch(/^w is NaN/);
  });

  it('shows values for public cases and only error sizes for hidden ones', () => {
    const comparison = compareReturned(pair(0.66, 0.78), [1.32, 0.78], names, tolerance);
    expect(comparison.kind).toBe('mismatch');
    expect(describeComparison(comparison, false)).toBe(
      'w = 0.66, expected 1.32 (off by 6.6e-1, relative 5.0e-1)',
    );
    const hidden = describeComparison(comparison, true);
    expect(hidden).toBe('w is off by 6.6e-1 (relative 5.0e-1)');
    expect(hidden).not.toContain('1.32');
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
    expect(parseReturnedValue('accepted')).toBeUndefined();
  });
});

describe('verdict precedence for one call', () => {
  const judge = (outcome: CallOutcome, hidden = false) =>
    judgeCall(outcome, [1.32, 0.78], names, tolerance, { cpuMsPerCase: 4000 }, hidden);

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
      [0.83, 0.495],
      [
        { mistake: mistake('a'), outputs: [[1, 1]] },
        {
          mistake: mistake('b'),
          outputs: [
            [5, 5],
            [0.83, 0.495 + 1e-9],
          ],
        },
        { mistake: mistake('c'), outputs: [[0.83, 0.495]] },
      ],
      tolerance,
    );
    expect(found?.mistake).toBe('b');
  });

  it('stays silent when nothing matches', () => {
    expect(diagnose([9, 9], [{ mistake: mistake('a'), outputs: [[1, 1]] }], tolerance)).toBe(
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
});
