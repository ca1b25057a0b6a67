import { describe, expect, it } from 'vitest';
import { fixed, grouped, plain, readLesson, section } from './lesson-text.js';

// Every number in lessons/serving-llms.md, recomputed from the sizes and rates it states.

const { meta, body } = readLesson('serving-llms');

const kvBytesPerToken = (layers: number, heads: number, dim: number, bytes: number) =>
  2 * layers * heads * dim * bytes;

describe('lesson serving-llms', () => {
  it('states its formulas', () => {
    expect(meta.problems).toEqual([]);
    for (const formula of [
      'latency = TTFT + (n_out − 1)·TPOT',
      'KV bytes per token = 2 · layers · KV heads · head dimension · bytes per number',
      'cost per million tokens = hourly price / (tokens per second · 3,600) · 10⁶',
    ]) {
      expect(body).toContain(formula);
    }
  });

  const ttft = 0.2;
  const tpot = 0.025;
  const tokens = 300;
  const latency = ttft + (tokens - 1) * tpot;

  it('computes the latency and streaming rate of a 300-token answer', () => {
    const text = section(body, 'Two phases: prefill and decode');
    expect(text).toContain(
      `the answer takes ${ttft} + ${tokens - 1} · ${tpot} = ${plain(latency)} s, streaming at ` +
        `1 / ${tpot} = ${plain(1 / tpot)} tokens per second`,
    );
  });

  it('bounds decode by memory bandwidth, alone and batched', () => {
    const text = section(body, 'Why decode is bound by memory');
    const weights = 7e9 * 2;
    const step = weights / 2e12;
    expect(text).toContain(`7 · 10⁹ · 2 bytes = ${plain(weights / 1e9)} GB`);
    expect(text).toContain(`one step takes at least 14 GB / (2 TB/s) = ${plain(step * 1000)} ms`);
    expect(text).toContain(`at most ${fixed(1 / step, 1)} tokens per second for a single sequence`);
    expect(text).toContain(
      `about 32 / ${plain(step)} s ≈ ${grouped(Math.round(32 / step))} tokens`,
    );
  });

  describe('worked example: how many conversations fit', () => {
    const text = section(body, 'Worked example: how many conversations fit');
    const perToken = kvBytesPerToken(32, 32, 128, 2);
    const free = 80e9 - 14e9;

    it('sizes the cache per token and per sequence', () => {
      expect(text).toContain(`2 · 32 · 32 · 128 · 2 = ${grouped(perToken)} bytes`);
      expect(perToken).toBe(2 ** 19); // half a mebibyte
      expect(text).toContain(
        `4,096 · ${grouped(perToken)} bytes = ${plain((4096 * perToken) / 2 ** 30)} GiB`,
      );
    });

    it('counts the tokens and full sequences that fit beside the weights', () => {
      const fit = free / perToken;
      expect(text).toContain(
        `66 · 10⁹ / ${grouped(perToken)} ≈ ${grouped(Math.floor(fit))} tokens, that is ` +
          `${Math.floor(fit / 4096)} full sequences`,
      );
    });

    it('recounts with grouped-query attention', () => {
      const gqa = kvBytesPerToken(32, 8, 128, 2);
      expect(body).toContain(
        `a token needs ${grouped(gqa)} bytes and the same GPU holds ` +
          `${Math.floor(free / gqa / 4096)} full sequences`,
      );
    });
  });

  it('sizes the batch with Little’s law', () => {
    const text = section(body, 'Batching generation');
    expect(text).toContain(
      `each taking W = ${plain(latency)} s as above, L = 2 · ${plain(latency)} = ` +
        `${plain(2 * latency)} sequences`,
    );
    expect(2 * latency).toBeLessThan(30);
  });

  it('prices a million tokens, busy and half idle', () => {
    const text = section(body, 'Cost per million tokens');
    const perHour = 2500 * 3600;
    const cost = (2.5 / perHour) * 1e6;
    expect(text).toContain(`2,500 · 3,600 = ${plain(perHour / 1e6)} million tokens an hour`);
    expect(text).toContain(`a million tokens cost 2.50 / 9 ≈ ${fixed(cost, 3)} dollars`);
    expect(text).toContain(`the cost doubles to about ${fixed(cost * 2, 3)} dollars`);
  });
});
