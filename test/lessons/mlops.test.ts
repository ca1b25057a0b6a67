import { describe, expect, it } from 'vitest';
import { fixed, grouped, percent, plain, readLesson, row, section, sum } from './lesson-text.js';

// Every number in lessons/mlops.md, recomputed from the inputs each worked example states.

const { meta, body } = readLesson('mlops');

/** Nearest rank, 1-based: ⌈p/100 · n⌉, in integer arithmetic so 95·20/100 is exactly 19. */
function nearestRank(p: number, n: number): number {
  return Math.ceil((p * n) / 100);
}

/** numpy's default percentile: linear interpolation at position (n − 1)·p/100, 0-based. */
function linearPercentile(sorted: readonly number[], p: number): number {
  const position = ((sorted.length - 1) * p) / 100;
  const below = Math.floor(position);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low + (position - below) * (high - low);
}

interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** The confusion matrix of a model that flags `flagged` items, `caught` of them positives. */
function confusionOf(total: number, positives: number, flagged: number, caught: number): Confusion {
  const falseAlarms = flagged - caught;
  return {
    tp: caught,
    fp: falseAlarms,
    fn: positives - caught,
    tn: total - positives - falseAlarms,
  };
}

function metrics({ tp, fp, fn, tn }: Confusion) {
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return {
    accuracy: (tp + tn) / (tp + fp + fn + tn),
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    f1FromCounts: (2 * tp) / (2 * tp + fp + fn),
  };
}

describe('lesson mlops', () => {
  it('is lesson 1 and has formulas for every quantity it teaches', () => {
    expect(meta.order).toBe(1);
    expect(meta.problems).toEqual([]);
    for (const formula of [
      'rank(p) = ⌈p/100 · n⌉',
      'throughput = requests / time',
      'L = λ·W',
      'Precision = TP / (TP + FP)',
      'Recall = TP / (TP + FN)',
      'F1 = 2·Precision·Recall / (Precision + Recall) = 2·TP / (2·TP + FP + FN)',
    ]) {
      expect(body).toContain(formula);
    }
  });

  describe('worked example: percentiles of 20 requests', () => {
    const text = section(body, 'Worked example: percentiles');
    const latencies = [
      12, 15, 11, 14, 13, 18, 16, 12, 95, 14, 13, 17, 15, 240, 14, 16, 13, 12, 19, 15,
    ];
    const sorted = [...latencies].sort((a, b) => a - b);
    const n = latencies.length;

    it('lists the latencies, and sorts them correctly', () => {
      expect(text).toContain(`A model service answered ${n} requests`);
      expect(text).toContain(`\n${latencies.join(' ')}\n`);
      expect(text).toContain(`\n${sorted.join(' ')}\n`);
    });

    it('reads p50, p95 and p99 by nearest rank', () => {
      for (const p of [50, 95, 99]) {
        const rank = nearestRank(p, n);
        expect(text).toContain(row([`p${p}`, rank, `${sorted[rank - 1]} ms`]));
      }
      expect(text).toContain(`The p50 of ${sorted[nearestRank(50, n) - 1]} ms`);
      expect(text).toContain(`rank ⌈p/100 · ${n}⌉`);
    });

    it('computes the mean and how many requests it exceeds', () => {
      const total = sum(latencies);
      const average = total / n;
      expect(text).toContain(`The mean is ${total}/${n} = ${plain(average)} ms`);
      const below = latencies.filter((value) => value < average).length;
      expect(text).toContain(`higher than ${below} of the ${n} requests`);
    });

    it('says p99 is the slowest request here, and what linear interpolation gives', () => {
      expect(nearestRank(99, n)).toBe(n);
      expect(text).toContain('With only 20 values, p99 is simply the slowest request');
      expect(text).toContain(`would report p95 = ${plain(linearPercentile(sorted, 95))} ms`);
    });
  });

  describe('throughput', () => {
    const text = section(body, 'Throughput');
    it('divides requests by seconds, and sizes the replicas', () => {
      const [requests, minutes, peak] = [18_000, 5, 240];
      const seconds = minutes * 60;
      const perSecond = requests / seconds;
      expect(text).toContain(
        `served ${grouped(requests)} requests in ${minutes} minutes had a throughput of ` +
          `${grouped(requests)} / ${seconds} s = ${plain(perSecond)} requests per second`,
      );
      expect(text).toContain(
        `a peak of ${peak} requests per second you need at least ⌈${peak} / ${plain(perSecond)}⌉ ` +
          `= ${Math.ceil(peak / perSecond)} such replicas`,
      );
    });
  });

  describe('worked example: choosing a batch size', () => {
    const text = section(body, 'Worked example: choosing a batch size');
    const [fixedMs, perRequestMs, arrivalsPerSecond] = [8, 2, 300];
    const batch = (size: number) => {
      const timeMs = fixedMs + perRequestMs * size;
      const capacity = (size / timeMs) * 1000;
      const fillMs = ((size - 1) / arrivalsPerSecond) * 1000;
      // Steady arrivals: a batch is ready every size/λ seconds. It keeps up when the worker
      // can do more than arrives, and then a full batch never waits behind the previous one.
      const keepsUp = capacity > arrivalsPerSecond;
      if (keepsUp) expect((size / arrivalsPerSecond) * 1000).toBeGreaterThanOrEqual(timeMs);
      return { timeMs, capacity, fillMs, keepsUp, worstMs: fillMs + timeMs };
    };

    it('states its cost model and arrival rate', () => {
      expect(text).toContain(`t(B) = ${fixedMs} ms + ${perRequestMs} ms·B`);
      expect(text).toContain(`Requests arrive steadily at λ = ${arrivalsPerSecond} per second`);
    });

    it('tabulates time, capacity, fill wait and worst latency per batch size', () => {
      expect(text).toContain(`keeps up with ${arrivalsPerSecond} req/s?`);
      for (const size of [1, 4, 16, 64]) {
        const b = batch(size);
        expect(text).toContain(
          row([
            size,
            plain(b.timeMs),
            fixed(b.capacity, 1).replace(/\.0$/, ''),
            b.keepsUp ? 'yes' : 'no',
            plain(b.fillMs),
            b.keepsUp ? plain(b.worstMs) : 'unbounded',
          ]),
        );
      }
    });

    it('draws the right conclusions from the table', () => {
      const sizes = [1, 4, 16, 64];
      const smallest = sizes.find((size) => batch(size).keepsUp)!;
      expect(text).toContain(`the worker handles only ${plain(batch(1).capacity)} per second`);
      expect(text).toContain(
        `B = ${smallest} is the smallest batch here that keeps up, with a worst case of ` +
          `${plain(batch(smallest).worstMs)} ms`,
      );
      const ratio = batch(64).worstMs / batch(smallest).worstMs;
      expect(text).toContain('costs almost four times the latency');
      expect(ratio).toBeGreaterThan(3.5);
      expect(ratio).toBeLessThan(4);
    });
  });

  describe("worked example: sizing with Little's law", () => {
    const text = section(body, "Worked example: sizing with Little's law");
    it('computes L, the replica count and W', () => {
      const [lambda, waitMs, perReplica] = [250, 120, 8];
      const inFlight = lambda * (waitMs / 1000);
      expect(text).toContain(
        `λ = ${lambda} requests per second, and each spends W = ${waitMs} ms = ` +
          `${plain(waitMs / 1000)} s`,
      );
      expect(text).toContain(
        `L = ${lambda} · ${plain(waitMs / 1000)} = ${plain(inFlight)} requests are in flight`,
      );
      expect(text).toContain(
        `work on ${perReplica} requests at once, you need at least ⌈${plain(inFlight)} / ` +
          `${perReplica}⌉ = ${Math.ceil(inFlight / perReplica)} replicas`,
      );
      const [measuredL, measuredLambda] = [45, 300];
      const w = measuredL / measuredLambda;
      expect(text).toContain(
        `L = ${measuredL} requests in flight at λ = ${measuredLambda} requests per second, the ` +
          `average time in the system is W = L/λ = ${measuredL} / ${measuredLambda} = ` +
          `${plain(w)} s = ${plain(w * 1000)} ms`,
      );
    });
  });

  describe('worked example: a fraud model', () => {
    const text = section(body, 'Worked example: a fraud model');
    const [transactions, frauds, flagged, caught] = [10_000, 100, 150, 80];
    const counts = confusionOf(transactions, frauds, flagged, caught);
    const m = metrics(counts);

    it('states its inputs', () => {
      expect(text).toContain(
        `scores ${grouped(transactions)} card transactions, of which ${frauds} are really ` +
          `fraudulent. It flags ${flagged}, and ${caught} of those are real fraud`,
      );
    });

    it('fills the confusion matrix with consistent totals', () => {
      const { tp, fp, fn, tn } = counts;
      expect(text).toContain(row(['actual fraud', `TP = ${tp}`, `FN = ${fn}`, tp + fn]));
      expect(text).toContain(
        row(['actual legitimate', `FP = ${fp}`, `TN = ${grouped(tn)}`, grouped(fp + tn)]),
      );
      expect(text).toContain(row(['total', tp + fp, grouped(fn + tn), grouped(tp + fp + fn + tn)]));
    });

    it('computes accuracy, precision, recall and F1', () => {
      const { tp, fp, fn, tn } = counts;
      expect(m.f1).toBeCloseTo(m.f1FromCounts, 12);
      expect(text).toContain(
        `Accuracy = (${tp} + ${tn}) / ${transactions} = ${fixed(m.accuracy, 3)}`,
      );
      expect(text).toContain(`Precision = ${tp} / (${tp} + ${fp}) = ${fixed(m.precision, 3)}`);
      expect(text).toContain(`Recall = ${tp} / (${tp} + ${fn}) = ${fixed(m.recall, 3)}`);
      expect(text).toContain(
        `F1 = 2·${tp} / (2·${tp} + ${fp} + ${fn}) = ${fixed(m.f1FromCounts, 3)}`,
      );
      expect(text).toContain(
        `the model is ${percent(m.accuracy, 1)} accurate, catches ${percent(m.recall, 1)} of ` +
          `fraud, and ${percent(m.precision, 1)} of its alarms are real`,
      );
    });

    it('shows the never-flag baseline scoring almost as high on accuracy', () => {
      const never: Confusion = { tp: 0, fp: 0, fn: frauds, tn: transactions - frauds };
      const accuracy = (never.tp + never.tn) / transactions;
      const recall = never.tp / (never.tp + never.fn);
      const f1 = (2 * never.tp) / (2 * never.tp + never.fp + never.fn);
      expect(text).toContain(
        `TP = ${never.tp}, FP = ${never.fp}, FN = ${never.fn} and TN = ${grouped(never.tn)}: ` +
          `an accuracy of ${percent(accuracy, 1)}`,
      );
      expect(text).toContain(
        `(recall ${plain(recall)}, F1 ${plain(f1)}, and precision is 0/0, undefined)`,
      );
      expect(never.tp + never.fp).toBe(0);
    });
  });

  describe('the self-check in the practice pointer', () => {
    const practice = body.split('\n').find((line) => line.startsWith('> **Practice:**')) ?? '';
    const [transactions, frauds, flagged, caught] = [10_000, 100, 380, 95];
    const counts = confusionOf(transactions, frauds, flagged, caught);
    const m = metrics(counts);

    it('asks a question with inputs and answers it correctly', () => {
      expect(practice).toContain(
        `it now flags ${flagged} transactions and catches ${caught} of the ${frauds} frauds`,
      );
      expect(practice).toContain(
        `TP = ${counts.tp}, FP = ${counts.fp}, FN = ${counts.fn}, TN = ${grouped(counts.tn)}, so ` +
          `precision = ${fixed(m.precision, 3)}, recall = ${fixed(m.recall, 3)}, ` +
          `F1 = ${fixed(m.f1, 3)} and accuracy = ${fixed(m.accuracy, 3)}`,
      );
      // "Recall went up and precision down", compared with the worked example.
      const before = metrics(confusionOf(10_000, 100, 150, 80));
      expect(m.recall).toBeGreaterThan(before.recall);
      expect(m.precision).toBeLessThan(before.precision);
    });
  });
});
