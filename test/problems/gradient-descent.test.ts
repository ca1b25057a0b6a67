import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withinTolerance } from '../../src/judge/core/compare.js';
import { diagnose } from '../../src/judge/core/diagnose.js';
import type { CaseInput, JudgeCase } from '../../src/judge/core/problem-schema.js';
import { extractReference } from '../../src/judge/core/shape.js';
import { loadProblem, loadReference } from '../../src/judge/io/problem-store.js';

const loaded = loadProblem('gradient-descent');
const module = await loadReference(loaded);
const { problem, cases } = loaded;
const tolerance = problem.comparison;
type Pair = [number, number];
/** The reference and its mistakes, typed as what they return here: (w, b). */
const reference = {
  solve: (input: CaseInput) => module.solve(input) as Pair,
  mistakes: Object.fromEntries(
    Object.entries(module.mistakes).map(([id, variants]) => [
      id,
      variants.map((variant) => (input: CaseInput) => variant(input) as Pair),
    ]),
  ) as Record<string, Array<(input: CaseInput) => Pair>>,
};
const named = (pair: Pair) => {
  const extracted = extractReference(problem.returns, pair);
  if (!extracted.ok) throw new Error(extracted.problem);
  return extracted.numbers;
};

/** An independent implementation: mean of per-point gradients, accumulated in another order. */
function independent(input: CaseInput): [number, number] {
  const x = input.x as number[];
  const y = input.y as number[];
  const alpha = input.learningRate as number;
  let w = 0;
  let b = 0;
  for (let step = 0; step < (input.iterations as number); step++) {
    const terms = x.map((xi, i) => {
      const error = w * xi + b - (y[i] as number);
      return [2 * error * xi, 2 * error];
    });
    let gw = 0;
    let gb = 0;
    for (let i = terms.length - 1; i >= 0; i--) {
      gw += (terms[i] as number[])[0] as number;
      gb += (terms[i] as number[])[1] as number;
    }
    [w, b] = [w - (alpha * gw) / x.length, b - (alpha * gb) / x.length];
  }
  return [w, b];
}

const caseById = (id: string) => cases.find((c) => c.id === id) as JudgeCase;
const close = (got: readonly number[], want: readonly number[]) =>
  got.every((value, i) => withinTolerance(value, want[i] as number, tolerance));

describe('the gradient-descent reference', () => {
  it('reproduces the published values mapped to this convention', () => {
    const [w1, b1] = reference.solve({ x: [1, 2], y: [2, 4], learningRate: 0.1, iterations: 2 });
    expect(w1).toBeCloseTo(1.32, 12);
    expect(b1).toBeCloseTo(0.78, 12);
    const [w2, b2] = reference.solve({
      x: [1, 2],
      y: [300, 500],
      learningRate: 0.005,
      iterations: 10000,
    });
    expect(Number(w2.toFixed(4))).toBe(199.9929);
    expect(Number(b2.toFixed(4))).toBe(100.0116);
  });

  it('agrees with an independent implementation on every case', () => {
    for (const testCase of cases) {
      expect(close(reference.solve(testCase.input), independent(testCase.input)), testCase.id).toBe(
        true,
      );
    }
  });

  it('converges to the least-squares line (closed form) on the long converging case', () => {
    const input = caseById('long-1').input;
    const x = input.x as number[];
    const y = input.y as number[];
    const n = x.length;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    x.forEach((xi, i) => {
      sxy += (xi - mx) * ((y[i] as number) - my);
      sxx += (xi - mx) ** 2;
    });
    const w = sxy / sxx;
    expect(close(reference.solve(input), [w, my - w * mx])).toBe(true);
  });

  const numpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!numpy)('agrees with a vectorised numpy implementation on every case', () => {
    const script = `
import json, sys
import numpy as np
out = []
for case in json.load(sys.stdin):
    x = np.array(case["x"], dtype=np.float64); y = np.array(case["y"], dtype=np.float64)
    w = 0.0; b = 0.0; n = len(x)
    for _ in range(case["iterations"]):
        e = w * x + b - y
        w, b = w - case["learningRate"] * 2.0 / n * float(e @ x), b - case["learningRate"] * 2.0 / n * float(e.sum())
    out.append([w, b])
print(json.dumps(out))
`;
    const result = spawnSync('python3', ['-c', script], {
      input: JSON.stringify(cases.map((c) => c.input)),
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    expect(result.status, result.stderr).toBe(0);
    const values = JSON.parse(result.stdout) as number[][];
    cases.forEach((testCase, index) => {
      expect(close(reference.solve(testCase.input), values[index] as number[]), testCase.id).toBe(
        true,
      );
    });
  });

  it('is finite on every case, including the diverging one', () => {
    for (const testCase of cases) {
      expect(reference.solve(testCase.input).every(Number.isFinite), testCase.id).toBe(true);
    }
    expect(Math.abs(reference.solve(caseById('short-diverging').input)[0])).toBeGreaterThan(1e3);
  });
});

/** α·λmax for a case: the largest eigenvalue of the MSE's Hessian (2/n)[Σx² Σx; Σx n]. */
function stepTimesCurvature(input: CaseInput): number {
  const x = input.x as number[];
  const n = x.length;
  const a = (2 / n) * x.reduce((s, v) => s + v * v, 0);
  const b = (2 / n) * x.reduce((s, v) => s + v, 0);
  const d = 2;
  const lambda = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return (input.learningRate as number) * lambda;
}

describe('the cases issue 8 asked for', () => {
  it('n = 1 that does not converge in one step, so the step count and the factor 2 matter', () => {
    const input = caseById('edge-one-point-steps').input;
    expect((input.x as number[]).length).toBe(1);
    expect(stepTimesCurvature(input)).toBeLessThan(0.9);
    const want = reference.solve(input);
    for (const id of ['off-by-one-iterations', 'missing-factor-2']) {
      for (const variant of reference.mistakes[id] ?? [])
        expect(close(variant(input), want), id).toBe(false);
    }
  });

  it('a run that oscillates (α·λmax ≈ 1.9) for hundreds of steps and converges', () => {
    const input = caseById('long-oscillating').input;
    expect(stepTimesCurvature(input)).toBeGreaterThan(1.85);
    expect(stepTimesCurvature(input)).toBeLessThan(2);
    expect(input.iterations).toBeGreaterThanOrEqual(300);
  });

  it('a long divergent run whose values reach about 1e100', () => {
    const input = caseById('long-diverging').input;
    expect(stepTimesCurvature(input)).toBeGreaterThan(2);
    const [w] = reference.solve(input);
    expect(Math.abs(w)).toBeGreaterThan(1e98);
    expect(Number.isFinite(w)).toBe(true);
  });

  it('α = 0, all-zero x and all-zero y', () => {
    expect(caseById('edge-zero-learning-rate').input.learningRate).toBe(0);
    expect(reference.solve(caseById('edge-zero-learning-rate').input)).toEqual([0, 0]);
    expect((caseById('edge-zero-x').input.x as number[]).every((v) => v === 0)).toBe(true);
    expect(reference.solve(caseById('edge-zero-x').input)[0]).toBe(0);
    expect((caseById('edge-zero-y').input.y as number[]).every((v) => v === 0)).toBe(true);
    expect(reference.solve(caseById('edge-zero-y').input)).toEqual([0, 0]);
  });
});

describe('the cases and the known mistakes', () => {
  it('has stable, unique ids, a description each, public cases first', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(cases.every((c) => c.description.length > 10)).toBe(true);
    const firstHidden = cases.findIndex((c) => c.hidden);
    expect(cases.slice(0, firstHidden).every((c) => !c.hidden)).toBe(true);
    expect(new Set(cases.map((c) => c.group))).toEqual(
      new Set(['examples', 'basics', 'edge cases', 'short runs', 'long runs', 'scale']),
    );
    for (const id of [
      'edge-single-point',
      'edge-zero-iterations',
      'edge-constant-x',
      'edge-negative-slope',
      'edge-large-magnitudes',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('has variants for every mistake, and short runs catch every classic one', () => {
    const short = cases.filter((c) => c.group === 'short runs');
    for (const mistake of problem.mistakes) {
      const variants = reference.mistakes[mistake.id] ?? [];
      expect(variants.length, mistake.id).toBeGreaterThan(0);
      // float32 rounding only shows after many updates, and the untouched starter is no
      // short-run mistake: every case is the pool for those.
      const pool = ['float32-arithmetic', 'returns-starting-values'].includes(mistake.id)
        ? cases
        : short;
      for (const variant of variants) {
        const separated = pool.some((c) => !close(variant(c.input), reference.solve(c.input)));
        expect(separated, mistake.id).toBe(true);
      }
    }
  });

  it('names each mistake on the first case where its variant fails', () => {
    const all = problem.mistakes.map((mistake) => ({
      mistake,
      variants: reference.mistakes[mistake.id] ?? [],
    }));
    for (const { mistake, variants } of all) {
      for (const variant of variants) {
        const deciding = cases.find((c) => !close(variant(c.input), reference.solve(c.input)));
        expect(deciding, mistake.id).toBeDefined();
        const input = (deciding as JudgeCase).input;
        const found = diagnose(
          named(variant(input)),
          all.map(({ mistake: m, variants: vs }) => ({
            mistake: m,
            outputs: vs.map((v) => named(v(input))),
          })),
          tolerance,
        );
        expect(found?.mistake, `${mistake.id} on ${(deciding as JudgeCase).id}`).toBe(mistake.id);
      }
    }
  });
});
