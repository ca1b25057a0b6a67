import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/judge/core/problem-schema.js';
import { pythonAnswers, pythonHas, referenceChecks } from './reference-checks.js';

const { problem, cases, module, named, answer, agrees, caseById, firstFailures } =
  await referenceChecks('drift-psi');

type Drift = { psi: number; ks: number };
const solve = (input: CaseInput) => module.solve(input) as Drift;

/**
 * numpy: the bins through np.histogram (with sentinel outer edges, since k edges make k + 1 bins
 * here, and its last bin, closed on the right, ends beyond every value); KS from both CDFs at
 * every value of either sample by np.searchsorted. (scipy.stats.ks_2samp agrees on every case
 * too, but importing scipy costs seconds.)
 */
const NUMPY = `
import json, sys
import numpy as np
out = []
for case in json.load(sys.stdin):
    ref = np.sort(np.asarray(case["reference"], dtype=np.float64))
    live = np.sort(np.asarray(case["live"], dtype=np.float64))
    edges = np.asarray(case["edges"], dtype=np.float64)
    low = min(ref[0], live[0], edges[0]) - 1
    high = max(ref[-1], live[-1], edges[-1]) + 1
    bins = np.concatenate([[low], edges, [high]])
    e = np.maximum(np.histogram(ref, bins=bins)[0] / len(ref), 1e-4)
    a = np.maximum(np.histogram(live, bins=bins)[0] / len(live), 1e-4)
    points = np.concatenate([ref, live])
    gaps = (np.searchsorted(ref, points, side="right") / len(ref)
            - np.searchsorted(live, points, side="right") / len(live))
    out.append({"psi": float(np.sum((a - e) * np.log(a / e))), "ks": float(np.abs(gaps).max())})
print(json.dumps(out))
`;

/** The statement read again in plain Python: bisect for the bins, the CDFs at every value. */
const PLAIN_PYTHON = `
import json, math, sys
from bisect import bisect_right
out = []
for case in json.load(sys.stdin):
    ref, live, edges = sorted(case["reference"]), sorted(case["live"]), case["edges"]
    def shares(values):
        counts = [0] * (len(edges) + 1)
        for x in values:
            counts[bisect_right(edges, x)] += 1
        return [max(c / len(values), 1e-4) for c in counts]
    psi = math.fsum((a - e) * math.log(a / e) for a, e in zip(shares(live), shares(ref)))
    ks = max(abs(bisect_right(ref, x) / len(ref) - bisect_right(live, x) / len(live))
             for x in set(ref) | set(live))
    out.append({"psi": psi, "ks": ks})
print(json.dumps(out))
`;

const inputs = cases.map((c) => c.input);
const sizes = (input: CaseInput) => [
  (input.reference as number[]).length,
  (input.live as number[]).length,
];
/** Σ (A − E)·ln(A / E) over shares given by hand. */
const psiOf = (expected: number[], actual: number[]) =>
  expected.reduce(
    (sum, e, i) => sum + ((actual[i] as number) - e) * Math.log((actual[i] as number) / e),
    0,
  );

describe('the drift-psi reference', () => {
  it('gives the hand-checked values of the public examples', () => {
    // Edges 15, 20, 25; 15 and 20 (reference) and 25 (live) go up; the reference's last bin is
    // empty and floored.
    const first = solve(caseById('example-1').input);
    expect(first.psi).toBeCloseTo(
      psiOf([3 / 8, 3 / 8, 2 / 8, 1e-4], [1 / 8, 2 / 8, 2 / 8, 3 / 8]),
      12,
    );
    expect(first.ks).toBe(0.5);
    // The lesson's shares, and its PSI of 0.121.
    const second = solve(caseById('example-2').input);
    expect(second.psi).toBeCloseTo(psiOf([0.1, 0.4, 0.35, 0.15], [0.05, 0.3, 0.4, 0.25]), 12);
    expect(second.psi.toFixed(3)).toBe('0.121');
    // Hint 4 works this one through: PSI ≈ 0.274653, D = 0.25 at x = 2.
    const third = solve(caseById('example-3').input);
    expect(third.psi).toBeCloseTo(0.25 * Math.log(1.5) - 0.25 * Math.log(0.5), 12);
    expect(third.psi.toFixed(6)).toBe('0.274653');
    expect(third.ks).toBe(0.25);
    expect(problem.hints[3]).toContain('0.274653');
  });

  it("gives the lesson's quick-check values", () => {
    // lessons/distribution-shift.md quiz: 0.5/0.5 against 0.6/0.4 gives 0.0405; the samples
    // [1, 2, 3, 4] and [3, 4, 5, 6] give D = 0.5.
    expect(solve({ reference: [1, 1, 2, 2], live: [1, 1, 1, 2, 2], edges: [2] }).psi).toBeCloseTo(
      psiOf([0.5, 0.5], [0.6, 0.4]),
      12,
    );
    expect(psiOf([0.5, 0.5], [0.6, 0.4]).toFixed(4)).toBe('0.0405');
    expect(solve({ reference: [1, 2, 3, 4], live: [3, 4, 5, 6], edges: [0] }).ks).toBe(0.5);
  });

  it('agrees on every case with the statement written again in plain Python', () => {
    const values = pythonAnswers(PLAIN_PYTHON, inputs);
    cases.forEach((testCase, index) => {
      expect(agrees(answer(testCase.input), named(values[index])), testCase.id).toBe(true);
    });
  });

  it.skipIf(!pythonHas('numpy'))(
    'agrees on every case with np.histogram and np.searchsorted',
    () => {
      const values = pythonAnswers(NUMPY, inputs);
      cases.forEach((testCase, index) => {
        expect(agrees(answer(testCase.input), named(values[index])), testCase.id).toBe(true);
      });
    },
  );

  it('is symmetric in the two samples, as both statistics are', () => {
    for (const testCase of cases) {
      const { reference, live, edges } = testCase.input as {
        reference: number[];
        live: number[];
        edges: number[];
      };
      const swapped = named(module.solve({ reference: live, live: reference, edges }));
      expect(agrees(swapped, answer(testCase.input)), testCase.id).toBe(true);
    }
  });
});

describe('the drift-psi cases', () => {
  it('put 100 000 values in each sample in the scale group, where O(n²) cannot finish', () => {
    const scale = cases.filter((c) => c.group === 'scale').map((c) => sizes(c.input));
    expect(scale.filter(([n, m]) => n === 100000 && m === 100000).length).toBeGreaterThanOrEqual(2);
    // Every earlier case is small enough for a quadratic KS, so it fails on size alone.
    const earlier = cases.filter((c) => c.group !== 'scale').map((c) => sizes(c.input));
    for (const [n, m] of earlier) expect(((n as number) + (m as number)) ** 2).toBeLessThan(1e7);
  });

  it('hold a share strictly between 0 and the floor, values on edges and a repeated edge', () => {
    const tiny = caseById('scale-tiny-share').input;
    const reference = tiny.reference as number[];
    const top = (tiny.edges as number[]).at(-1) as number;
    const share = reference.filter((v) => v >= top).length / reference.length;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1e-4);
    const onEdge = cases.filter((c) =>
      (c.input.edges as number[]).some((edge) =>
        [...(c.input.reference as number[]), ...(c.input.live as number[])].includes(edge),
      ),
    );
    expect(onEdge.length).toBeGreaterThan(3);
    expect(
      cases.some((c) => (c.input.edges as number[]).some((e, i, all) => i > 0 && e === all[i - 1])),
    ).toBe(true);
  });

  it('name every known mistake on the first case where it is wrong', () => {
    for (const failure of firstFailures()) {
      expect(failure.caseId, failure.variant).toBeDefined();
      expect(failure.named, `${failure.variant} on ${failure.caseId}`).toBe(failure.mistake);
    }
  });
});
