import { describe, expect, it } from 'vitest';
import {
  fixed,
  grouped,
  percent,
  plain,
  readLesson,
  row,
  section,
  sum,
  mean,
} from './lesson-text.js';

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
  it('comes after the learning loop, and has formulas for every quantity it teaches', () => {
    const gd = readLesson('gradient-descent').meta.order;
    expect(meta.order).toBeGreaterThan(gd);
    expect(meta.problems).toEqual(['latency-percentiles']);
    expect(body).toContain('> **Practice:** `pixel solve latency-percentiles`');
    for (const formula of [
      'rank(p) = ⌈p/100 · n⌉',
      'throughput = requests completed / elapsed time',
      'one at a time: throughput = 1/W',
      'c at once: throughput ≈ c/W',
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
      // Nearest rank is not the usual median, which averages the two middle values.
      const middle = [sorted[n / 2 - 1]!, sorted[n / 2]!];
      expect(text).toContain(`(${middle[0]} + ${middle[1]})/2 = ${plain(mean(middle))} ms here`);
      expect(mean(middle)).not.toBe(sorted[nearestRank(50, n) - 1]);
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
    it('relates requests per elapsed time to latency: 1/W one at a time, c/W with c at once', () => {
      const [waitMs, slots] = [50, 8];
      const seconds = waitMs / 1000;
      expect(text).toContain(
        `With W = ${waitMs} ms, one at a time gives 1 / ${plain(seconds)} s = ` +
          `${plain(1 / seconds)} requests per second, and ${slots} requests at once give ` +
          `${slots} / ${plain(seconds)} s = ${plain(slots / seconds)} requests per second`,
      );
    });

    it('divides requests by seconds, and sizes the replicas from capacity, not observation', () => {
      const [requests, minutes, peak, capacity] = [18_000, 5, 240, 80];
      const seconds = minutes * 60;
      const perSecond = requests / seconds;
      expect(text).toContain(
        `served ${grouped(requests)} requests in ${minutes} minutes had a throughput of ` +
          `${grouped(requests)} / ${seconds} s = ${plain(perSecond)} requests per second`,
      );
      expect(text).toContain('Observed throughput is not capacity');
      expect(text).toContain(
        `If that test shows ${capacity} requests per second per replica, a peak of ${peak} ` +
          `requests per second needs at least ⌈${peak} / ${capacity}⌉ = ` +
          `${Math.ceil(peak / capacity)} replicas`,
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

    const oneDecimal = (value: number) => fixed(value, 1).replace(/\.0$/, '');
    const sizes = [1, 4, 6, 7, 16, 64];

    it('tabulates time, capacity, fill wait and worst latency per batch size', () => {
      expect(text).toContain(`keeps up with ${arrivalsPerSecond} req/s?`);
      for (const size of sizes) {
        const b = batch(size);
        expect(text).toContain(
          row([
            size,
            plain(b.timeMs),
            oneDecimal(b.capacity),
            b.keepsUp ? 'yes' : 'no',
            oneDecimal(b.fillMs),
            b.keepsUp ? plain(b.worstMs) : 'unbounded',
          ]),
        );
      }
    });

    it('derives the bound B > 6 instead of reading it off the table', () => {
      // capacity(B) > λ ⇔ B > λ·(fixed + perRequest·B) ⇔ B·(1 − λ·perRequest) > λ·fixed.
      const lambdaPerMs = arrivalsPerSecond / 1000;
      const bound = (lambdaPerMs * fixedMs) / (1 - lambdaPerMs * perRequestMs);
      expect(bound).toBeCloseTo(6, 12);
      expect(text).toContain(
        `B / (${fixedMs} ms + ${perRequestMs} ms·B) > ${arrivalsPerSecond}/s = ` +
          `${plain(lambdaPerMs)} per ms`,
      );
      expect(text).toContain(
        `B > ${plain(lambdaPerMs)}·(${fixedMs} + ${perRequestMs}·B) = ` +
          `${plain(lambdaPerMs * fixedMs)} + ${plain(lambdaPerMs * perRequestMs)}·B`,
      );
      expect(text).toContain(
        `${plain(1 - lambdaPerMs * perRequestMs)}·B > ${plain(lambdaPerMs * fixedMs)}, so B > ${plain(bound)}`,
      );
      // The smallest integer strictly above the bound (6 up to float rounding).
      const smallest = Math.floor(Math.round(bound * 1e9) / 1e9) + 1;
      expect(batch(smallest).keepsUp).toBe(true);
      expect(batch(smallest - 1).keepsUp).toBe(false);
      expect(text).toContain(`Any B ≥ ${smallest} keeps up`);
    });

    it('draws the right conclusions from the table', () => {
      const smallest = sizes.find((size) => batch(size).keepsUp)!;
      expect(smallest).toBe(7);
      expect(text).toContain(`the worker handles only ${plain(batch(1).capacity)} per second`);
      expect(batch(6).capacity).toBeCloseTo(arrivalsPerSecond, 9);
      expect(text).toContain(`B = 6 gives a capacity of exactly ${arrivalsPerSecond} per second`);
      expect(text).toContain(
        `B = ${smallest} is the smallest batch that keeps up, with a worst case of ` +
          `${plain(batch(smallest).worstMs)} ms`,
      );
      const busy = (size: number) => arrivalsPerSecond / batch(size).capacity;
      expect(text).toContain(
        `keeps the worker ${Math.round(busy(7) * 100)} % busy ` +
          `(${arrivalsPerSecond} / ${oneDecimal(batch(7).capacity)})`,
      );
      expect(text).toContain(
        `B = 16 (${Math.round(busy(16) * 100)} % busy) buys room for bursts with a worst case ` +
          `of ${plain(batch(16).worstMs)} ms`,
      );
      const ratio = batch(64).worstMs / batch(smallest).worstMs;
      expect(text).toContain('costs more than eight times the latency of B = 7');
      expect(ratio).toBeGreaterThan(8);
      expect(ratio).toBeLessThan(9);
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
      const slots = Math.ceil(inFlight / perReplica) * perReplica;
      const rho = inFlight / slots;
      expect(text).toContain(
        `${Math.ceil(inFlight / perReplica)} replicas have ${slots} slots for an average of ` +
          `${plain(inFlight)} requests, a **utilisation** of ${plain(inFlight)} / ${slots} = ` +
          `${plain(rho * 100)} %`,
      );
      expect(text).toContain(`ρ = ${plain(inFlight)} / ${slots} = ${plain(rho)}`);
      // M/M/1: time in system = S / (1 − ρ).
      expect(text).toContain(
        `That is ${plain(1 / (1 - rho))} times the service time at ρ = ${plain(rho)}, against ` +
          `${plain(1 / (1 - 0.75))} times at ρ = 0.75`,
      );
      const target = 0.75;
      const replicas = Math.ceil(inFlight / (target * perReplica));
      expect(text).toContain(
        `at 75 %, ⌈${plain(inFlight)} / (${target} · ${perReplica})⌉ = ${replicas} replicas ` +
          `(${replicas * perReplica} slots)`,
      );
      expect(inFlight / (replicas * perReplica)).toBeLessThanOrEqual(target);
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

  describe('drift', () => {
    const text = section(body, 'Drift: what can change');
    it('separates covariate, label and concept shift, and says what each one moves', () => {
      expect(text).toContain('**Covariate shift**: P(x) changes while P(y | x) stays the same');
      expect(text).toContain('**Label shift** (prior shift): P(y) changes while P(x | y)');
      expect(text).toContain('**Concept drift**: P(y | x) changes');
      expect(text).toContain("A fixed model's predictions depend on x alone");
      expect(text).not.toMatch(/share of positive predictions\.?$/m);
    });
  });

  describe('the practice pointer', () => {
    const practice = body.split('\n').find((line) => line.startsWith('> **Practice:**')) ?? '';
    it('sends the reader to the quick check instead of printing answers', () => {
      expect(practice).toContain('pixel learn mlops --quiz');
      expect(practice).not.toMatch(/answer/i);
    });
  });
});
