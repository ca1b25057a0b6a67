import { describe, expect, it } from 'vitest';
import { fixed, plain, readLesson, row, section, sum } from './lesson-text.js';
import { ksStatistic, psi } from './quiz-recomputed.js';

// Every number in lessons/distribution-shift.md, recomputed from the counts and samples it states.

const { meta, body } = readLesson('distribution-shift');

describe('lesson distribution-shift', () => {
  it('states PSI and KS as formulas', () => {
    expect(meta.problems).toEqual(['drift-psi']);
    expect(body).toContain('> **Practice:** `pixel solve drift-psi`');
    expect(body).toContain('PSI = Σᵢ (Aᵢ − Eᵢ)·ln(Aᵢ / Eᵢ)');
    expect(body).toContain('D = maxₓ |F_ref(x) − F_live(x)|');
  });

  it('names what each shift changes and keeps', () => {
    const text = section(body, 'Three kinds of shift');
    expect(text).toContain('| covariate | P(x) | P(y given x) |');
    expect(text).toContain('| label (prior) | P(y) | P(x given y) |');
    expect(text).toContain('| concept | P(y given x) | P(x) |');
  });

  describe('worked example: transaction amounts', () => {
    const text = section(body, 'Worked example: transaction amounts');
    const training = [100, 400, 350, 150];
    const live = [50, 300, 400, 250];
    const expected = training.map((count) => count / sum(training));
    const actual = live.map((count) => count / sum(live));
    const terms = expected.map((e, i) => (actual[i]! - e) * Math.log(actual[i]! / e));

    it('tabulates counts, shares and each bin’s term', () => {
      expect(sum(training)).toBe(1000);
      expect(sum(live)).toBe(1000);
      const bins = ['below 20', '20 to 100', '100 to 500', '500 and more'];
      bins.forEach((bin, i) => {
        expect(text).toContain(
          row([
            bin,
            training[i]!,
            live[i]!,
            fixed(expected[i]!, 2),
            fixed(actual[i]!, 2),
            fixed(terms[i]!, 4),
          ]),
        );
      });
    });

    it('sums the terms into the PSI, which psi() agrees with, and reads it', () => {
      const total = sum(terms);
      expect(psi(expected, actual)).toBeCloseTo(total, 12);
      expect(text).toContain(
        `PSI = ${terms.map((t) => fixed(t, 4)).join(' + ')} ≈ ${fixed(total, 3)}`,
      );
      expect(total).toBeGreaterThan(0.1);
      expect(total).toBeLessThan(0.25);
      expect(text).toContain(`A PSI of ${fixed(total, 3)} is a moderate shift`);
      const largest = terms.indexOf(Math.max(...terms));
      expect(largest).toBe(3);
      expect(text).toContain(
        `grew from ${plain(expected[3]! * 100)} % to ${plain(actual[3]! * 100)} % of transactions`,
      );
    });

    it('is right that every PSI term is non-negative', () => {
      for (const e of [0.1, 0.5, 0.9]) {
        for (const a of [0.05, 0.5, 0.95])
          expect((a - e) * Math.log(a / e)).toBeGreaterThanOrEqual(0);
      }
    });
  });

  describe('the KS example', () => {
    const text = section(body, 'The Kolmogorov–Smirnov statistic');
    const reference = [10, 12, 14, 15, 17, 18, 20, 24];
    const live = [14, 16, 19, 21, 22, 25, 27, 30];
    it('lists both samples and finds D at x = 18', () => {
      expect(text).toContain(`${reference.join(' ')} ms`);
      expect(text).toContain(`${live.join(' ')} ms`);
      const atOrBelow = (sample: number[], x: number) => sample.filter((v) => v <= x).length;
      expect(text).toContain(
        `at x = 18 ms, ${atOrBelow(reference, 18)} of 8 reference values ` +
          `(${plain(atOrBelow(reference, 18) / 8)}) and ${atOrBelow(live, 18)} of 8 live values ` +
          `(${plain(atOrBelow(live, 18) / 8)}) are at or below it, a gap of ` +
          `${plain((atOrBelow(reference, 18) - atOrBelow(live, 18)) / 8)}`,
      );
      expect(text).toContain(`so D = ${plain(ksStatistic(reference, live))}`);
    });
  });

  it('counts the false alarms of many features', () => {
    const text = section(body, 'Windows and alerts');
    expect(text).toContain('with 200 features checked daily, a threshold that misfires 1 %');
    expect(text).toContain(`raises about ${plain(200 * 0.01)} false alarms a day`);
  });
});
