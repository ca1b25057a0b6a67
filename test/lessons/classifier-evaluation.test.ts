import { describe, expect, it } from 'vitest';
import { fixed, grouped, mean, plain, readLesson, row, section, sum } from './lesson-text.js';
import { rocAuc } from './quiz-recomputed.js';

// Every number in lessons/classifier-evaluation.md, recomputed from the ten scored examples.

const { meta, body } = readLesson('classifier-evaluation');

const EXAMPLES: Array<[score: number, label: 0 | 1]> = [
  [0.95, 1],
  [0.9, 1],
  [0.8, 0],
  [0.7, 1],
  [0.6, 1],
  [0.55, 0],
  [0.4, 1],
  [0.3, 0],
  [0.2, 0],
  [0.1, 0],
];
const THRESHOLDS = [0.3, 0.5, 0.7, 0.85];

function confusion(threshold: number) {
  const count = (predicted: boolean, label: 0 | 1) =>
    EXAMPLES.filter(([score, y]) => score >= threshold === predicted && y === label).length;
  const [tp, fp, fn, tn] = [count(true, 1), count(true, 0), count(false, 1), count(false, 0)];
  return { tp, fp, fn, tn, precision: tp / (tp + fp), recall: tp / (tp + fn), fpr: fp / (fp + tn) };
}

/** A rate to three decimals, trailing zeros dropped, as the lesson's tables print it. */
const rate = (value: number) => plain(Number(value.toFixed(3)));

describe('lesson classifier-evaluation', () => {
  it('defines the four rates', () => {
    expect(meta.problems).toEqual(['classification-metrics']);
    expect(body).toContain('> **Practice:** `pixel solve classification-metrics`');
    for (const formula of [
      'Precision = TP / (TP + FP)',
      'Recall = TPR = TP / (TP + FN)',
      'FPR = FP / (FP + TN)',
      'Specificity = TN / (FP + TN) = 1 − FPR',
    ]) {
      expect(body).toContain(formula);
    }
  });

  describe('worked example: ten scored examples', () => {
    const text = section(body, 'Thresholds and the precision');

    it('lists the examples', () => {
      EXAMPLES.forEach(([score, label], index) => {
        expect(text).toContain(row([index + 1, fixed(score, 2), label]));
      });
      expect(sum(EXAMPLES.map(([, y]) => y))).toBe(5);
    });

    it('tabulates each threshold', () => {
      for (const threshold of THRESHOLDS) {
        const c = confusion(threshold);
        expect(text).toContain(
          row([threshold, c.tp, c.fp, c.fn, c.tn, rate(c.precision), rate(c.recall), rate(c.fpr)]),
        );
      }
      const [low, high] = [confusion(0.3), confusion(0.85)];
      expect(text).toContain(`precision rises (${rate(low.precision)} → ${rate(high.precision)})`);
      expect(text).toContain(`recall falls (${rate(low.recall)} → ${rate(high.recall)})`);
    });
  });

  describe('the AUC', () => {
    const text = section(body, 'PR and ROC curves');
    it('counts the pairs ranked right', () => {
      const positives = EXAMPLES.filter(([, y]) => y === 1).map(([s]) => s);
      const negatives = EXAMPLES.filter(([, y]) => y === 0).map(([s]) => s);
      const wins = positives.map((p) => negatives.filter((n) => p > n).length);
      const pairs = positives.length * negatives.length;
      expect(text).toContain(`there are ${positives.length} · ${negatives.length} = ${pairs}`);
      expect(text).toContain(`That is ${wins.join(' + ')} = ${sum(wins)} of ${pairs} pairs`);
      expect(text).toContain(`AUC = ${sum(wins)}/${pairs} = ${plain(rocAuc(EXAMPLES))}`);
    });

    it('is unchanged when every score is scaled (AUC is blind to calibration)', () => {
      const scaled = EXAMPLES.map(([s, y]) => [s * 0.1, y] as [number, 0 | 1]);
      expect(rocAuc(scaled)).toBe(rocAuc(EXAMPLES));
      expect(text).toContain('multiply every score by 0.1 and the AUC does not change');
    });
  });

  describe('calibration', () => {
    const text = section(body, 'Calibration');
    it('compares average score and share of positives per group', () => {
      const high = EXAMPLES.filter(([s]) => s >= 0.5);
      const low = EXAMPLES.filter(([s]) => s < 0.5);
      const positives = (group: typeof EXAMPLES) => group.filter(([, y]) => y === 1).length;
      expect(text).toContain(
        `the ${['zero', 'one', 'two', 'three', 'four', 'five', 'six'][high.length]} scores of ` +
          `at least 0.5 average ${plain(Number(mean(high.map(([s]) => s)).toFixed(10)))}, but ` +
          `only ${positives(high)} of those ${high.length} ` +
          `(${rate(positives(high) / high.length)}) are positive`,
      );
      expect(text).toContain(
        `The four scores below 0.5 average ${plain(mean(low.map(([s]) => s)))}, and ` +
          `${positives(low)} of ${low.length} (${plain(positives(low) / low.length)}) is positive`,
      );
    });

    it('computes the Brier score', () => {
      const brier = mean(EXAMPLES.map(([s, y]) => (s - y) ** 2));
      expect(text).toContain(`Here it is ${plain(brier)}.`);
    });
  });

  describe('class imbalance', () => {
    const text = section(body, 'Class imbalance');
    const [recall, fpr, people] = [0.9, 0.05, 10_000];
    it('recomputes precision at two base rates with the same test', () => {
      for (const share of [0.01, 0.5]) {
        const ill = people * share;
        const healthy = people - ill;
        const tp = recall * ill;
        const fp = Math.round(fpr * healthy);
        expect(text).toContain(
          row([
            `${share * 100} %`,
            grouped(ill),
            grouped(Math.round(tp)),
            grouped(healthy),
            grouped(fp),
            fixed(tp / (tp + fp), 3),
          ]),
        );
      }
      const tp = recall * people * 0.01;
      const falseShare = 1 - tp / (tp + fpr * people * 0.99);
      expect(text).toContain(`at a 1 % base rate ${Math.round(falseShare * 100)} % of its alarms`);
    });
  });

  describe('choosing by cost', () => {
    const text = section(body, 'Choosing a metric by cost');
    it('totals the cost of each threshold for both cost settings', () => {
      const costs = (missCost: number, alarmCost: number) =>
        THRESHOLDS.map((t) => alarmCost * confusion(t).fp + missCost * confusion(t).fn);
      const dearMisses = costs(10, 1);
      const dearAlarms = costs(1, 10);
      expect(text).toContain(
        `the four thresholds cost ${dearMisses.slice(0, 3).join(', ')} and ${dearMisses[3]}`,
      );
      expect(text).toContain(`they cost ${dearAlarms.slice(0, 3).join(', ')} and ${dearAlarms[3]}`);
      expect(THRESHOLDS[dearMisses.indexOf(Math.min(...dearMisses))]).toBe(0.3);
      expect(THRESHOLDS[dearAlarms.indexOf(Math.min(...dearAlarms))]).toBe(0.85);
    });
  });
});
