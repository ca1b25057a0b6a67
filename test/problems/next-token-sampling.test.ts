import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/judge/core/problem-schema.js';
import { pythonHas, referenceChecks, runPython } from './reference-checks.js';

const checked = await referenceChecks('next-token-sampling');
const { cases, caseById, close, firstFailures } = checked;
interface SamplingInput {
  logits: number[];
  temperature: number;
  topK: number;
  topP: number;
}
const inputOf = (testCase: { input: CaseInput }) => testCase.input as unknown as SamplingInput;
const solve = (input: CaseInput | SamplingInput) =>
  checked.solve(input as unknown as CaseInput) as number[];
const rounded = (values: number[], digits = 4) => values.map((v) => Number(v.toFixed(digits)));

/**
 * An independent implementation in numpy: the ranking from np.lexsort on (index, −p), top-k and
 * top-p as boolean masks over the ranking, the nucleus end from the first cumulative sum ≥ p.
 * It applies the two filters in both orders (top-k then top-p, top-p then top-k), which the
 * statement says commute.
 */
const NUMPY_SAMPLING = `
import json, sys
import numpy as np
def filtered(case, k_first):
    z = np.array(case["logits"], dtype=np.float64) / case["temperature"]
    p = np.exp(z - z.max()); p = p / p.sum()
    v = len(p); k = case["topK"]; top_p = case["topP"]
    rank = np.lexsort((np.arange(v), -p))
    keep = np.ones(v, dtype=bool)
    def top_k(keep):
        if 0 < k < v:
            keep = keep.copy(); keep[k:] = False
        return keep
    def nucleus(keep):
        if top_p >= 1: return keep
        cumulative = np.cumsum(np.where(keep, p[rank], 0.0))
        end = int(np.argmax(cumulative >= top_p)) if (cumulative >= top_p).any() else v - 1
        keep = keep.copy(); keep[end + 1:] = False
        return keep
    keep = nucleus(top_k(keep)) if k_first else top_k(nucleus(keep))
    out = np.zeros(v)
    kept = rank[keep]
    out[kept] = p[kept] / p[kept].sum()
    return out.tolist()
cases = json.load(sys.stdin)
print(json.dumps([[filtered(c, True), filtered(c, False)] for c in cases]))
`;

describe('the next-token-sampling reference', () => {
  it("reproduces the lesson's table and the statement's worked numbers", () => {
    const lesson = [2, 1, 0.5, 0, -1];
    const plain = (temperature: number) => solve({ logits: lesson, temperature, topK: 0, topP: 1 });
    expect(rounded(plain(1))).toEqual([0.563, 0.2071, 0.1256, 0.0762, 0.028]);
    expect(rounded(plain(0.5))).toEqual([0.8292, 0.1122, 0.0413, 0.0152, 0.0021]);
    expect(rounded(plain(2))).toEqual([0.3745, 0.2272, 0.1769, 0.1378, 0.0836]);
    expect(rounded(solve({ logits: lesson, temperature: 1, topK: 2, topP: 1 }))).toEqual([
      0.7311, 0.2689, 0, 0, 0,
    ]);
    expect(rounded(solve(inputOf(caseById('example-1'))))).toEqual([0.6285, 0.2312, 0.1402, 0, 0]);
    expect(rounded(solve(inputOf(caseById('example-2'))))).toEqual([0.8808, 0.1192, 0, 0, 0]);
    expect(solve(inputOf(caseById('example-3')))).toEqual([0.5, 0.5, 0, 0]);
    // The hint's self-test: two ties for the last top-k place, the smaller index wins.
    expect(rounded(solve({ logits: [2, 1, 2, 1], temperature: 1, topK: 3, topP: 1 }))).toEqual([
      0.4223, 0.1554, 0.4223, 0,
    ]);
  });

  it.skipIf(!pythonHas('numpy'))(
    'agrees with an independent numpy implementation on every case, in either filter order',
    () => {
      const values = runPython<Array<[number[], number[]]>>(
        NUMPY_SAMPLING,
        cases.map((c) => c.input),
      );
      cases.forEach((testCase, index) => {
        const [kFirst, pFirst] = values[index] as [number[], number[]];
        expect(close(solve(testCase.input), kFirst), testCase.id).toBe(true);
        expect(close(solve(testCase.input), pFirst), `${testCase.id}, top-p first`).toBe(true);
      });
    },
  );

  it('returns a distribution on every case: finite, non-negative, summing to 1', () => {
    for (const testCase of cases) {
      const result = solve(testCase.input);
      expect(result).toHaveLength(inputOf(testCase).logits.length);
      expect(
        result.every((p) => Number.isFinite(p) && p >= 0),
        testCase.id,
      ).toBe(true);
      expect(Math.abs(result.reduce((s, p) => s + p, 0) - 1), testCase.id).toBeLessThan(1e-12);
    }
  });

  it('decides every top-p cut with a margin, except the cases built to reach p exactly', () => {
    const exact = new Set(['example-3', 'edge-exact-crossing']);
    for (const testCase of cases) {
      const { logits, temperature, topK, topP } = inputOf(testCase);
      if (topP >= 1) continue;
      const p = solve({ logits, temperature, topK: 0, topP: 1 });
      const ranking = p.map((_, i) => i).sort((a, b) => (p[b] as number) - (p[a] as number));
      const limit = topK > 0 ? Math.min(topK, p.length) : p.length;
      let sum = 0;
      let margin = Infinity;
      for (const i of ranking.slice(0, limit)) {
        sum += p[i] as number;
        margin = Math.min(margin, Math.abs(sum - topP));
        if (sum >= topP) break;
      }
      if (exact.has(testCase.id)) expect(margin, testCase.id).toBe(0);
      else expect(margin, testCase.id).toBeGreaterThan(1e-9);
    }
  });
});

describe('the cases and the known mistakes', () => {
  it('has groups basics, edge cases and scale after the public examples', () => {
    expect(cases.findIndex((c) => c.hidden)).toBe(3);
    expect(new Set(cases.map((c) => c.group))).toEqual(
      new Set(['examples', 'basics', 'edge cases', 'scale']),
    );
  });

  it('has logits that overflow and underflow without the shift by the maximum', () => {
    const exponentials = (id: string) => {
      const { logits, temperature } = inputOf(caseById(id));
      return logits.map((z) => Math.exp(z / temperature));
    };
    expect(exponentials('edge-huge-logits').some((e) => e === Infinity)).toBe(true);
    expect(Math.max(...inputOf(caseById('edge-huge-logits')).logits)).toBe(1000);
    expect(exponentials('edge-very-negative-logits').every((e) => e === 0)).toBe(true);
    expect(exponentials('edge-low-temperature-overflow').some((e) => e === Infinity)).toBe(true);
  });

  it('covers k = 0, k ≥ V, p = 0, p = 1, one token and ties at a cut', () => {
    const inputs = cases.map(inputOf);
    expect(inputs.some((i) => i.topK === 0 && i.topP < 1)).toBe(true);
    expect(inputs.some((i) => i.topK === 0 && i.topP === 1)).toBe(true);
    expect(inputs.some((i) => i.topK > i.logits.length)).toBe(true);
    expect(inputs.some((i) => i.topP === 0)).toBe(true);
    expect(inputs.some((i) => i.logits.length === 1)).toBe(true);
    const tie = solve(inputOf(caseById('edge-tie-at-top-k-boundary')));
    expect(tie.map((p) => p > 0)).toEqual([true, false, true, true, false, false, false]);
    expect(inputs.some((i) => i.logits.length >= 50_000 && i.topK === 0 && i.topP > 0.9)).toBe(
      true,
    );
  });

  it('names each mistake on the first case where its variant fails', () => {
    for (const result of firstFailures()) {
      expect(result.caseId, `${result.mistake} #${result.index} is caught`).toBeDefined();
      expect(result.named, `${result.mistake} #${result.index} on ${result.caseId}`).toBe(
        result.mistake,
      );
    }
  });

  it('catches the four mistakes issue 8 names on the cases built for them', () => {
    const wrongOn = (mistake: string, caseId: string) =>
      (checked.module.mistakes[mistake] ?? []).every(
        (variant) => !close(variant(caseById(caseId).input), checked.solve(caseById(caseId).input)),
      );
    expect(wrongOn('no-max-subtraction', 'edge-huge-logits')).toBe(true);
    expect(wrongOn('temperature-after-softmax', 'example-2')).toBe(true);
    expect(wrongOn('renormalised-between-filters', 'edge-filters-interact')).toBe(true);
    expect(wrongOn('not-renormalised', 'example-1')).toBe(true);
    expect(wrongOn('top-p-drops-crossing-token', 'example-1')).toBe(true);
  });
});
