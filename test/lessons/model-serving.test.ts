import { describe, expect, it } from 'vitest';
import { plain, readLesson, row, section, sum } from './lesson-text.js';
import { dynamicBatches, nearestRank } from './quiz-recomputed.js';

// Every number in lessons/model-serving.md, recomputed by simulating what it describes.

const { meta, body } = readLesson('model-serving');

const ARRIVALS = [0, 2, 3, 15, 30, 31, 32, 33, 50];
const SETTINGS = { maxBatch: 4, maxWait: 10, fixed: 5, perRequest: 2 };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(p, sorted.length) - 1]!;
}

describe('lesson model-serving', () => {
  it('covers the four serving patterns', () => {
    expect(meta.problems).toEqual(['dynamic-batching']);
    expect(body).toContain('> **Practice:** `pixel solve dynamic-batching`');
    for (const pattern of ['| online |', '| batch |', '| streaming |', '| edge |']) {
      expect(section(body, 'Four ways to serve')).toContain(pattern);
    }
  });

  describe('worked example: one worker, nine requests', () => {
    const text = section(body, 'Worked example: one worker');
    const batches = dynamicBatches(ARRIVALS, SETTINGS);
    const latencies = batches.flatMap((batch) => batch.arrivals.map((a) => batch.doneAt - a));

    it('states its settings and arrivals', () => {
      expect(text).toContain(
        `B = ${SETTINGS.maxBatch} requests, T = ${SETTINGS.maxWait} ms, and a batch of k ` +
          `requests that takes ${SETTINGS.fixed} ms + ${SETTINGS.perRequest} ms·k`,
      );
      expect(text).toContain(
        `arrive at ${ARRIVALS.slice(0, -1).join(', ')} and ${ARRIVALS.at(-1)} ms`,
      );
    });

    it('tabulates every batch as the rule sends it, and no batch waits for the worker', () => {
      batches.forEach((batch, index) => {
        const ready = batch.full ? batch.arrivals.at(-1)! : batch.arrivals[0]! + SETTINGS.maxWait;
        expect(batch.sentAt).toBe(ready);
        expect(text).toContain(
          row([
            index + 1,
            batch.arrivals.join(', '),
            batch.sentAt,
            batch.full ? 'full' : `oldest waited ${SETTINGS.maxWait} ms`,
            batch.runsFor,
            batch.doneAt,
            batch.arrivals.map((a) => batch.doneAt - a).join(', '),
          ]),
        );
      });
    });

    it('reads the percentiles and the compute time', () => {
      const sorted = [...latencies].sort((a, b) => a - b);
      expect(text).toContain(`the latencies are ${sorted.join(' ')} ms`);
      const n = latencies.length;
      expect(text).toContain(
        `p50 = ${percentile(latencies, 50)} ms (rank ${nearestRank(50, n)} of ${n}) and ` +
          `p95 = ${percentile(latencies, 95)} ms (rank ${nearestRank(95, n)})`,
      );
      const busy = batches.map((batch) => batch.runsFor);
      expect(text).toContain(`computed for ${busy.join(' + ')} = ${sum(busy)} ms`);
    });

    it('compares with one request at a time', () => {
      const single = dynamicBatches(ARRIVALS, { ...SETTINGS, maxBatch: 1 });
      const one = single.map((batch) => batch.doneAt - batch.arrivals[0]!);
      const each = SETTINGS.fixed + SETTINGS.perRequest;
      expect(text).toContain(`(${each} ms each, in arrival order)`);
      expect(text).toContain(
        `latencies ${one.slice(0, -1).join(', ')} and ${one.at(-1)} ms, so ` +
          `p50 = ${percentile(one, 50)} ms, p95 = ${percentile(one, 95)} ms, and ` +
          `${ARRIVALS.length} · ${each} = ${ARRIVALS.length * each} ms of compute`,
      );
      const batchedBusy = sum(dynamicBatches(ARRIVALS, SETTINGS).map((b) => b.runsFor));
      expect(text).toContain(
        `costs typical latency (${percentile(latencies, 50)} against ${percentile(one, 50)} ms`,
      );
      expect(text).toContain(
        `cuts the tail (${percentile(latencies, 95)} against ${percentile(one, 95)} ms`,
      );
      expect(text).toContain(`and the work (${batchedBusy} against ${ARRIVALS.length * each} ms)`);
      const headroom = (ARRIVALS.length * each) / batchedBusy;
      expect(headroom).toBeGreaterThan(1.6);
      expect(text).toContain('more than 1.6 times the load');
    });
  });

  it('sizes the autoscaled fleet with Little’s law', () => {
    const text = section(body, 'Autoscaling');
    const [lambda, waitMs, perReplica, busy] = [600, 50, 4, 0.75];
    const inFlight = lambda * (waitMs / 1000);
    const target = perReplica * busy;
    expect(text).toContain(
      `L = ${lambda} · ${plain(waitMs / 1000)} = ${plain(inFlight)} requests are in flight`,
    );
    expect(text).toContain(
      `you need ⌈${plain(inFlight)} / ${plain(target)}⌉ = ${Math.ceil(inFlight / target)} replicas`,
    );
  });

  describe('compression', () => {
    const text = section(body, 'Compression');
    it('quantises the example weights to int8 and bounds the error', () => {
      const weights = [0.5, -1.27, 0.02, 1.0];
      const scale = Math.max(...weights.map(Math.abs)) / 127;
      const q = weights.map((w) => Math.round(w / scale));
      expect(text).toContain(
        `have s = 1.27 / 127 = ${plain(scale)} and become [${q.map(plain).join(', ')}]`,
      );
      const small = Math.round(0.013 / scale);
      expect(text).toContain(
        `a weight of 0.013 would become ${small} and come back as ${plain(small * scale)}, ` +
          `an error of ${plain(Math.abs(0.013 - small * scale))}, never more than s/2 = ${plain(scale / 2)}`,
      );
    });

    it('sizes a 350-million-parameter model at three precisions', () => {
      const params = 350e6;
      expect(text).toContain(
        `takes ${plain((params * 4) / 1e9)} GB in float32 (4 bytes each), ` +
          `${plain((params * 2) / 1e9)} GB in float16 and ${plain(params / 1e9)} GB in int8`,
      );
    });
  });

  it('averages cache hits and misses', () => {
    const text = section(body, 'Caching');
    const [h, hit, miss] = [0.6, 2, 40];
    expect(text).toContain(
      `the average is ${h} · ${hit} + ${plain(1 - h)} · ${miss} = ${plain(h * hit + (1 - h) * miss)} ms`,
    );
    expect(text).toContain(`the model sees only ${plain((1 - h) * 100)} % of the traffic`);
  });
});
