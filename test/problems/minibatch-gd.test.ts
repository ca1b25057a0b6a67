import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/judge/core/problem-schema.js';
import { loadProblem, loadReference } from '../../src/judge/io/problem-store.js';
import { pythonHas, referenceChecks, runPython } from './reference-checks.js';

const checked = await referenceChecks('minibatch-gd');
const { cases, caseById, close, firstFailures } = checked;
type Answer = [number[], number];
interface MinibatchInput {
  x: number[][];
  y: number[];
  batchSize: number;
  learningRate: number;
  epochs: number;
  momentum: number;
}
const inputOf = (testCase: { input: CaseInput }) => testCase.input as unknown as MinibatchInput;
const solve = (input: CaseInput) => checked.solve(input) as Answer;
const variant =
  (id: string, index = 0) =>
  (input: CaseInput) =>
    checked.module.mistakes[id]?.[index]?.(input) as Answer;

/**
 * An independent implementation in numpy: the bias as a column of ones in an augmented matrix,
 * batches from np.array_split, one velocity vector for all parameters.
 */
const NUMPY_MINIBATCH = `
import json, sys
import numpy as np
out = []
for case in json.load(sys.stdin):
    x = np.array(case["x"], dtype=np.float64); y = np.array(case["y"], dtype=np.float64)
    n, d = x.shape; size = case["batchSize"]
    a = np.hstack([x, np.ones((n, 1))])
    theta = np.zeros(d + 1); velocity = np.zeros(d + 1)
    for _ in range(case["epochs"]):
        for batch in np.array_split(np.arange(n), list(range(size, n, size))):
            rows = a[batch]
            gradient = 2.0 * rows.T @ (rows @ theta - y[batch]) / len(batch)
            velocity = case["momentum"] * velocity + gradient
            theta = theta - case["learningRate"] * velocity
    out.append([theta[:d].tolist(), float(theta[d])])
print(json.dumps(out))
`;

describe('the minibatch-gd reference', () => {
  it('gives the worked numbers of the statement, the lesson and the hints', () => {
    const lesson = { x: [[1], [2], [3]], y: [2, 4, 6], batchSize: 2, learningRate: 0.1 };
    const [w1, b1] = solve({ ...lesson, epochs: 1, momentum: 0 });
    expect(w1[0]).toBeCloseTo(2.44, 12);
    expect(b1).toBeCloseTo(1.08, 12);
    const [w2, b2] = solve(caseById('example-1').input);
    expect(w2[0]).toBeCloseTo(1.644, 12);
    expect(b2).toBeCloseTo(0.648, 12);
    // The hint's self-tests: the last batch over B, and momentum over two epochs of one row.
    const [w3, b3] = variant('last-batch-over-batch-size')({ ...lesson, epochs: 1, momentum: 0 });
    expect([w3[0], b3].map((v) => Number(v?.toFixed(12)))).toEqual([1.72, 0.84]);
    const one = { x: [[1]], y: [2], batchSize: 1, learningRate: 0.1, epochs: 2, momentum: 0.9 };
    expect(
      solve(one)
        .flat()
        .map((v) => Number(v.toFixed(12))),
    ).toEqual([1, 1]);
    expect(
      variant('velocity-reset')(one)
        .flat()
        .map((v) => Number(v.toFixed(12))),
    ).toEqual([0.64, 0.64]);
    const [w4, b4] = solve(caseById('example-3').input);
    expect([w4[0], b4].map((v) => Number(v?.toFixed(12)))).toEqual([1.32, 0.78]);
  });

  it.skipIf(!pythonHas('numpy'))(
    'agrees with an independent numpy implementation on every case',
    () => {
      const values = runPython<Answer[]>(
        NUMPY_MINIBATCH,
        cases.map((c) => c.input),
      );
      cases.forEach((testCase, index) => {
        expect(close(solve(testCase.input), values[index]), testCase.id).toBe(true);
      });
    },
  );

  it("is the update `pixel viz` plays, repeated: the mistakes' general loop gives the same bits", () => {
    const plainTrain = (checked.module as unknown as { plainTrain: (input: CaseInput) => Answer })
      .plainTrain;
    for (const testCase of cases)
      expect(solve(testCase.input), testCase.id).toEqual(plainTrain(testCase.input));
  });

  it('is finite on every case, and the diverging case really grows', () => {
    for (const testCase of cases) {
      expect(solve(testCase.input).flat().every(Number.isFinite), testCase.id).toBe(true);
    }
    expect(Math.abs(solve(caseById('edge-diverging-momentum').input)[1])).toBeGreaterThan(1e20);
  });
});

describe('with B ≥ n, one feature and no momentum it is gradient-descent', () => {
  it("equals gradient-descent's reference bit for bit on every gradient-descent case", async () => {
    const gd = loadProblem('gradient-descent');
    const gdReference = await loadReference(gd);
    for (const testCase of gd.cases) {
      const { x, y, learningRate, iterations } = testCase.input as {
        x: number[];
        y: number[];
        learningRate: number;
        iterations: number;
      };
      const asMinibatch = {
        x: x.map((value) => [value]),
        y,
        batchSize: x.length,
        learningRate,
        epochs: iterations,
        momentum: 0,
      };
      const [[w], b] = solve(asMinibatch);
      expect([w, b], testCase.id).toEqual(gdReference.solve(testCase.input));
      // A batch larger than n is the same single batch.
      expect(solve({ ...asMinibatch, batchSize: x.length + 7 }), testCase.id).toEqual([[w], b]);
    }
  });
});

describe('the cases and the known mistakes', () => {
  it('has groups basics, edge cases and scale after the public examples', () => {
    const firstHidden = cases.findIndex((c) => c.hidden);
    expect(firstHidden).toBe(4);
    expect(cases.slice(firstHidden).every((c) => c.hidden)).toBe(true);
    expect(new Set(cases.map((c) => c.group))).toEqual(
      new Set(['examples', 'basics', 'edge cases', 'scale']),
    );
  });

  it('covers the edges the statement names', () => {
    const inputs = cases.map(inputOf);
    const n = (input: MinibatchInput) => input.x.length;
    expect(inputs.some((i) => i.batchSize === 1)).toBe(true);
    expect(inputs.some((i) => i.batchSize > n(i))).toBe(true);
    expect(inputs.some((i) => n(i) % i.batchSize === 1 && i.batchSize > 1)).toBe(true);
    expect(inputs.some((i) => n(i) === 1)).toBe(true);
    expect(inputs.some((i) => i.epochs === 0)).toBe(true);
    expect(inputs.some((i) => i.learningRate === 0)).toBe(true);
    expect(inputs.some((i) => i.momentum === 0.99)).toBe(true);
    expect(inputs.some((i) => (i.x[0] as number[]).length === 20)).toBe(true);
  });

  it('keeps the scale cases within the constraints the statement gives', () => {
    for (const testCase of cases) {
      const { x, batchSize, epochs } = inputOf(testCase);
      const d = (x[0] as number[]).length;
      expect(x.length * d * epochs, testCase.id).toBeLessThanOrEqual(1_000_000);
      expect(epochs * Math.ceil(x.length / batchSize), testCase.id).toBeLessThanOrEqual(60_000);
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

  it('catches a wrong last batch and a lost velocity already in the public examples', () => {
    const examples = cases.filter((c) => !c.hidden);
    for (const id of [
      'last-batch-over-batch-size',
      'drops-last-batch',
      'update-per-epoch',
      'epochs-counted-as-steps',
      'velocity-reset',
      'momentum-as-average',
      'velocity-updated-after-step',
    ]) {
      for (const v of checked.module.mistakes[id] ?? [])
        expect(
          examples.some((c) => !close(v(c.input), solve(c.input))),
          id,
        ).toBe(true);
    }
  });
});
