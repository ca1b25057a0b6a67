import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/judge/core/problem-schema.js';
import { pythonAnswers, pythonHas, referenceChecks } from './reference-checks.js';

const { problem, cases, module, named, answer, agrees, caseById, firstFailures } =
  await referenceChecks('latency-percentiles');

type Summary = { p50: number; p95: number; p99: number; throughput: number };
const solve = (input: CaseInput) => module.solve(input) as Summary;

/** numpy's own nearest-rank method ('inverted_cdf'), a different code path from the reference. */
const NUMPY_NEAREST_RANK = `
import json, sys
import numpy as np
out = []
for case in json.load(sys.stdin):
    values = np.asarray(case["latenciesMs"], dtype=np.float64)
    p50, p95, p99 = np.percentile(values, [50, 95, 99], method="inverted_cdf")
    out.append({"p50": float(p50), "p95": float(p95), "p99": float(p99),
                "throughput": len(values) / case["windowSeconds"]})
print(json.dumps(out))
`;

/** The definition read straight from the statement, with the rank in integer arithmetic. */
const PLAIN_NEAREST_RANK = `
import json, sys
out = []
for case in json.load(sys.stdin):
    ordered = sorted(case["latenciesMs"])
    n = len(ordered)
    rank = lambda p: -(-p * n // 100)  # ceil(p*n/100) without a float
    out.append({"p50": ordered[rank(50) - 1], "p95": ordered[rank(95) - 1],
                "p99": ordered[rank(99) - 1], "throughput": n / case["windowSeconds"]})
print(json.dumps(out))
`;

const inputs = cases.map((c) => c.input);
const size = (input: CaseInput) => (input.latenciesMs as number[]).length;

describe('the latency-percentiles reference', () => {
  it('gives the hand-checked values of the public examples', () => {
    // The lesson's 20 requests: ranks 10, 19, 20 of the sorted list; 20 requests in 4 s.
    expect(solve(caseById('example-1').input)).toEqual({
      p50: 14,
      p95: 95,
      p99: 240,
      throughput: 5,
    });
    // Sorted: 7 8 9 9 10 11 12 13 31 250; ranks 5, 10, 10; 10 requests in 0.5 s.
    expect(solve(caseById('example-2').input)).toEqual({
      p50: 10,
      p95: 250,
      p99: 250,
      throughput: 20,
    });
    // 25 values: ranks ⌈12.5⌉ = 13, ⌈23.75⌉ = 24, ⌈24.75⌉ = 25 of
    // 7.1 7.6 8.2 8.8 9 10 11.8 12.9 13.3 17.3 20.9 22.8 25.1 ... 50.5 52.2 57.1 58.7.
    expect(solve(caseById('example-3').input)).toEqual({
      p50: 25.1,
      p95: 57.1,
      p99: 58.7,
      throughput: 10,
    });
  });

  it('agrees on every case with the definition written again in plain Python', () => {
    const values = pythonAnswers(PLAIN_NEAREST_RANK, inputs);
    cases.forEach((testCase, index) => {
      expect(agrees(answer(testCase.input), named(values[index])), testCase.id).toBe(true);
    });
  });

  it.skipIf(!pythonHas('numpy'))(
    "agrees on every case with numpy's nearest-rank percentile (method='inverted_cdf')",
    () => {
      const values = pythonAnswers(NUMPY_NEAREST_RANK, inputs);
      cases.forEach((testCase, index) => {
        expect(agrees(answer(testCase.input), named(values[index])), testCase.id).toBe(true);
      });
    },
  );

  it("backs the statement's claim about numpy's default on the lesson's 20 requests", () => {
    // statement.md and lessons/mlops.md: numpy's default would report p95 = 102.25 ms.
    const [numpyDefault] = module.mistakes['interpolation-instead-of-nearest-rank'] ?? [];
    const { p95 } = (numpyDefault as (input: CaseInput) => Summary)(caseById('example-1').input);
    expect(p95).toBeCloseTo(102.25, 9);
  });

  it('gives the numbers of the self-test hint', () => {
    expect(problem.hints[3]).toContain('[30, 10, 20, 40]');
    expect(solve({ latenciesMs: [30, 10, 20, 40], windowSeconds: 2 })).toEqual({
      p50: 20,
      p95: 40,
      p99: 40,
      throughput: 2,
    });
  });

  it('never changes the list it is given', () => {
    const input = caseById('example-1').input;
    const before = [...(input.latenciesMs as number[])];
    solve(input);
    expect(input.latenciesMs).toEqual(before);
  });
});

describe('the latency-percentiles cases', () => {
  it('hold whole ranks, ranks with a fraction below one half, n = 1 and a descending list', () => {
    const hidden = cases.filter((c) => c.hidden).map((c) => c.input);
    // p·n/100 whole for all three percentiles: int(p·n/100) as an index is one too far.
    expect(hidden.some((input) => size(input) % 100 === 0)).toBe(true);
    // A fraction below 0.5 at p95: rounding to nearest differs from rounding up.
    const p95Remainder = (input: CaseInput) => (95 * size(input)) % 100;
    expect(hidden.some((input) => p95Remainder(input) > 0 && p95Remainder(input) < 50)).toBe(true);
    expect(hidden.some((input) => size(input) === 1)).toBe(true);
    expect(
      hidden.some((input) =>
        (input.latenciesMs as number[]).every((v, i, all) => i === 0 || v < (all[i - 1] as number)),
      ),
    ).toBe(true);
  });

  it('reach 100 000 latencies in the scale group', () => {
    const scale = cases.filter((c) => c.group === 'scale');
    expect(Math.max(...scale.map((c) => size(c.input)))).toBe(100000);
  });

  it('name every known mistake on the first case where it is wrong', () => {
    for (const failure of firstFailures()) {
      expect(failure.caseId, failure.variant).toBeDefined();
      expect(failure.named, `${failure.variant} on ${failure.caseId}`).toBe(failure.mistake);
    }
  });
});
