import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/judge/core/problem-schema.js';
import { pythonAnswers, referenceChecks } from './reference-checks.js';

const { problem, cases, module, named, answer, agrees, caseById, firstFailures } =
  await referenceChecks('classification-metrics');

type Metrics = { accuracy: number; precision: number; recall: number; f1: number };
const solve = (input: CaseInput) => module.solve(input) as Metrics;

/**
 * An independent implementation in Python: the counts from a Counter of the pairs and every
 * metric as an exact fraction, rounded to a float only at the end. The zero-denominator rule is
 * the statement's, written again from it.
 */
const EXACT_METRICS = `
import json, sys
from collections import Counter
from fractions import Fraction

def ratio(part, whole):
    return float(Fraction(part, whole)) if whole else 0.0

out = []
for case in json.load(sys.stdin):
    cells = Counter(zip(case["actual"], case["predicted"]))
    tp, fp, fn, tn = cells[(1, 1)], cells[(0, 1)], cells[(1, 0)], cells[(0, 0)]
    precision = Fraction(tp, tp + fp) if tp + fp else Fraction(0)
    recall = Fraction(tp, tp + fn) if tp + fn else Fraction(0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else Fraction(0)
    out.append({"accuracy": ratio(tp + tn, len(case["actual"])), "precision": float(precision),
                "recall": float(recall), "f1": float(f1)})
print(json.dumps(out))
`;

/** The four confusion counts of a case, for checks on what the cases exercise. */
function counts(input: CaseInput) {
  const actual = input.actual as number[];
  const predicted = input.predicted as number[];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  actual.forEach((truth, i) => {
    if (predicted[i] === 1 && truth === 1) tp++;
    else if (predicted[i] === 1) fp++;
    else if (truth === 1) fn++;
  });
  return { tp, fp, fn };
}

describe('the classification-metrics reference', () => {
  it('gives the hand-checked values of the public examples', () => {
    // The lesson's threshold 0.5: TP 4, FP 2, FN 1, TN 3.
    expect(solve(caseById('example-1').input)).toEqual({
      accuracy: 0.7,
      precision: 4 / 6,
      recall: 0.8,
      f1: 8 / 11,
    });
    // Nothing predicted positive: the stated rule gives 0, not NaN.
    expect(solve(caseById('example-2').input)).toEqual({
      accuracy: 0.6,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    // TP 2, FP 3, FN 1, TN 2.
    expect(solve(caseById('example-3').input)).toEqual({
      accuracy: 0.5,
      precision: 0.4,
      recall: 2 / 3,
      f1: 0.5,
    });
  });

  it('agrees on every case with an exact-fraction implementation in Python', () => {
    const values = pythonAnswers(
      EXACT_METRICS,
      cases.map((c) => c.input),
    );
    cases.forEach((testCase, index) => {
      expect(agrees(answer(testCase.input), named(values[index])), testCase.id).toBe(true);
    });
  });

  it("matches the lesson's precision and recall at the threshold 0.5", () => {
    // lessons/classifier-evaluation.md: precision 0.667, recall 0.8 at threshold 0.5.
    const { precision, recall } = solve(caseById('example-1').input);
    expect(precision.toFixed(3)).toBe('0.667');
    expect(recall).toBe(0.8);
  });

  it('gives the numbers of the self-test hint', () => {
    const hint = problem.hints[3] as string;
    expect(hint).toContain('[1, 0, 1, 1, 0, 0]');
    expect(solve({ actual: [1, 0, 1, 1, 0, 0], predicted: [1, 1, 0, 1, 0, 0] })).toEqual({
      accuracy: 4 / 6,
      precision: 2 / 3,
      recall: 2 / 3,
      f1: 2 / 3,
    });
    expect(solve({ actual: [1, 0, 1, 1, 0, 0], predicted: [0, 0, 0, 0, 0, 0] })).toEqual({
      accuracy: 0.5,
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });
});

describe('the classification-metrics cases', () => {
  it('exercise each empty denominator, alone and together, among the hidden cases', () => {
    const hidden = cases.filter((c) => c.hidden).map((c) => counts(c.input));
    // Nothing predicted positive while positives exist; no positive while alarms exist.
    expect(hidden.some(({ tp, fp, fn }) => tp + fp === 0 && fn > 0)).toBe(true);
    expect(hidden.some(({ tp, fp, fn }) => tp + fn === 0 && fp > 0)).toBe(true);
    // Both empty (every label 0), and both defined but P + R = 0 (every prediction wrong).
    expect(hidden.some(({ tp, fp, fn }) => tp + fp + fn === 0)).toBe(true);
    expect(hidden.some(({ tp, fp, fn }) => tp === 0 && fp > 0 && fn > 0)).toBe(true);
  });

  it('reach the declared maximum size in the scale group', () => {
    const scale = cases.filter((c) => c.group === 'scale');
    expect(scale.length).toBeGreaterThan(0);
    for (const testCase of scale) expect((testCase.input.actual as number[]).length).toBe(100000);
  });

  it('name every known mistake on the first case where it is wrong', () => {
    for (const failure of firstFailures()) {
      expect(failure.caseId, failure.variant).toBeDefined();
      expect(failure.named, `${failure.variant} on ${failure.caseId}`).toBe(failure.mistake);
    }
  });

  it('diagnose the division by zero on a public example, so `pixel test` already shows it', () => {
    const failure = firstFailures().filter((f) => f.mistake === 'division-by-zero');
    expect(failure.length).toBeGreaterThan(0);
    for (const { caseId } of failure) expect(caseById(caseId as string).hidden).toBe(false);
  });
});
