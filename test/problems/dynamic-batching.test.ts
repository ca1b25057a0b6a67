import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/judge/core/problem-schema.js';
import { pythonHas, referenceChecks, runPython } from './reference-checks.js';

const checked = await referenceChecks('dynamic-batching');
const { cases, caseById, close, firstFailures } = checked;
interface BatchingInput {
  arrivals: number[];
  maxBatchSize: number;
  maxWait: number;
  fixedCost: number;
  costPerRequest: number;
}
interface Report {
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
}
const inputOf = (testCase: { input: CaseInput }) => testCase.input as unknown as BatchingInput;
const solve = (input: CaseInput | BatchingInput) =>
  checked.solve(input as unknown as CaseInput) as Report;

/**
 * An independent implementation in plain Python, driven by arrivals instead of batches: an open
 * batch is closed by its timer when a later request arrives after the deadline, or by the B-th
 * request; percentiles are the smallest latency that at least p % of the requests do not exceed
 * (found with bisect). It also integrates the number of requests in the system over time, for
 * Little's law.
 */
const PYTHON_BATCHING = `
import json, sys
from bisect import bisect_right
def run(case):
    arrivals = case["arrivals"]; size = case["maxBatchSize"]; wait = case["maxWait"]
    a = case["fixedCost"]; b = case["costPerRequest"]
    finish = [None] * len(arrivals); state = {"free": float("-inf")}; open_batch = []
    def close(at):
        start = max(at, state["free"])
        state["free"] = start + a + b * len(open_batch)
        for i in open_batch: finish[i] = state["free"]
        open_batch.clear()
    for i, t in enumerate(arrivals):
        if open_batch and t > arrivals[open_batch[0]] + wait:
            close(arrivals[open_batch[0]] + wait)
        open_batch.append(i)
        if len(open_batch) == size:
            close(t)
    if open_batch:
        close(arrivals[open_batch[0]] + wait)
    latencies = sorted(f - t for f, t in zip(finish, arrivals))
    n = len(latencies)
    def percentile(p):
        # the smallest latency v with at least p·n/100 latencies <= v
        return next(v for v in latencies if bisect_right(latencies, v) * 100 >= p * n)
    span = max(finish) - arrivals[0]
    events = sorted([(t, 1) for t in arrivals] + [(f, -1) for f in finish], key=lambda e: (e[0], -e[1]))
    in_system, area, previous = 0, 0.0, arrivals[0]
    for time, change in events:
        area += in_system * (time - previous); previous = time; in_system += change
    return {"p50": percentile(50), "p95": percentile(95), "p99": percentile(99),
            "throughput": n / span, "meanLatency": sum(latencies) / n, "inSystem": area / span}
print(json.dumps([run(case) for case in json.load(sys.stdin)]))
`;

describe('the dynamic-batching reference', () => {
  it('reproduces the lessons and the statement by hand', () => {
    // model-serving's worked example: p50 = 17 (rank 5 of 9), p95 = 21, done at 67.
    expect(solve(inputOf(caseById('example-1')))).toEqual({
      p50: 17,
      p95: 21,
      p99: 21,
      throughput: 9 / 67,
    });
    // The busy worker of example 2 and the hints.
    expect(solve(inputOf(caseById('example-2')))).toEqual({
      p50: 18,
      p95: 28,
      p99: 28,
      throughput: 6 / 37,
    });
    // mlops's table in thirds of a millisecond: B = 7 keeps up, worst latency 126 = 42 ms.
    const table = solve(inputOf(caseById('example-3')));
    expect(table).toEqual({ p50: 96, p95: 126, p99: 126, throughput: 21 / 266 });
    // 21 requests per 266 thirds of a millisecond: about 237 per second.
    expect(Math.round(table.throughput * 3 * 1000)).toBe(237);
    // model-serving's quick check: the request at 10 ms has latency 10 ms.
    expect(solve(inputOf(caseById('basics-lesson-quiz')))).toEqual({
      p50: 8,
      p95: 10,
      p99: 10,
      throughput: 0.2,
    });
  });

  it.skipIf(!pythonHas())(
    'agrees with an independent Python simulation on every case, and Little’s law holds',
    () => {
      const values = runPython<Array<Report & { meanLatency: number; inSystem: number }>>(
        PYTHON_BATCHING,
        cases.map((c) => c.input),
      );
      cases.forEach((testCase, index) => {
        const { meanLatency, inSystem, ...report } = values[index] as Report & {
          meanLatency: number;
          inSystem: number;
        };
        expect(close(solve(testCase.input), report), testCase.id).toBe(true);
        // L = λ·W over the span from the first arrival to the last finish.
        expect(inSystem, testCase.id).toBeCloseTo(report.throughput * meanLatency, 6);
      });
    },
  );

  it('shows the batching table: B = 4 cannot keep up where B = 7 does', () => {
    const tooSmall = inputOf(caseById('edge-mlops-table-too-small'));
    const first = solve({ ...tooSmall, arrivals: tooSmall.arrivals.slice(0, 40) });
    const all = solve(tooSmall);
    expect(all.p99).toBeGreaterThan(first.p99 * 2);
    const sevens = solve({ ...tooSmall, maxBatchSize: 7 });
    expect(sevens.p99).toBe(126);
  });
});

describe('the cases and the known mistakes', () => {
  it('has groups basics, edge cases and scale after the public examples', () => {
    expect(cases.findIndex((c) => c.hidden)).toBe(3);
    expect(new Set(cases.map((c) => c.group))).toEqual(
      new Set(['examples', 'basics', 'edge cases', 'scale']),
    );
  });

  it('covers the edges the statement pins down', () => {
    const inputs = cases.map(inputOf);
    expect(inputs.some((i) => i.arrivals.length === 1)).toBe(true);
    expect(inputs.some((i) => i.maxWait === 0)).toBe(true);
    expect(inputs.some((i) => i.maxBatchSize === 1)).toBe(true);
    expect(inputs.some((i) => i.arrivals.length === 20)).toBe(true);
    expect(inputs.some((i) => i.arrivals.length === 100)).toBe(true);
    expect(inputs.some((i) => (i.arrivals[0] as number) > 0)).toBe(true);
    expect(inputs.some((i) => i.arrivals.length === 200_000)).toBe(true);
    // A request arriving exactly at its batch's deadline, and simultaneous arrivals past B.
    const atDeadline = inputOf(caseById('edge-arrival-at-deadline')).arrivals;
    expect(atDeadline).toContain((atDeadline[0] as number) + 10);
    const same = inputOf(caseById('edge-simultaneous-overflow'));
    expect(new Set(same.arrivals).size).toBe(1);
    expect(same.arrivals.length).toBeGreaterThan(2 * same.maxBatchSize);
  });

  it('uses costs that are exact binary fractions, so every order of additions agrees', () => {
    for (const testCase of cases) {
      if (testCase.id === 'edge-tiny-per-request-cost') continue;
      const { fixedCost, costPerRequest } = inputOf(testCase);
      expect(Number.isInteger(fixedCost * 4) && Number.isInteger(costPerRequest * 4)).toBe(true);
    }
  });

  it('names each mistake on the first case where its variant fails', () => {
    for (const result of firstFailures()) {
      expect(result.caseId, `${result.mistake} #${result.index} is caught`).toBeDefined();
      expect(result.named, `${result.mistake} #${result.index} on ${result.caseId}`).toBe(
        result.mistake,
      );
    }
  });

  it('catches the mistakes issue 8 names on the public examples', () => {
    const examples = cases.filter((c) => !c.hidden);
    for (const id of [
      'wait-from-newest',
      'ignores-busy-worker',
      'nearest-rank-off-by-one',
      'partial-batch-full-cost',
    ]) {
      for (const variant of checked.module.mistakes[id] ?? [])
        expect(
          examples.some((c) => !close(variant(c.input), checked.solve(c.input))),
          id,
        ).toBe(true);
    }
  });
});
