/**
 * How requests are scheduled: a place among the concurrent requests is held only while a
 * request is on the network, never while its feed is parsed, and one host never gets more than
 * its share. The network steps are stand-ins that record what runs when, so the order is
 * checked exactly rather than timed.
 */
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/feed/core/limiter.js';
import type { ResolvedSource } from '../../src/feed/core/source.js';
import { collectFeeds, type NetworkSteps } from '../../src/feed/io/collect.js';
import { fakeContext } from '../helpers/fake-context.js';
import { makeTempDir } from '../helpers/run-pixel.js';

const source = (id: string, host: string): ResolvedSource => ({
  id,
  name: id,
  url: `https://${host}/${id}.xml`,
  tags: [],
  provenance: 'official',
  enabled: true,
  origin: 'default',
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('fetch slots', () => {
  it('gives a request’s place to the next one as soon as its body is in, before parsing', async () => {
    const { dir, cleanup } = await makeTempDir();
    const parsing = deferred();
    const events: string[] = [];
    const steps: NetworkSteps = {
      createRequestTraffic: () => ({ started: 0, sent: 0, answering: 0 }),
      requestSource: (src) => {
        events.push(`request ${src.id}`);
        return Promise.resolve({
          response: {
            status: 'ok',
            bytes: new Uint8Array(),
            contentType: null,
            finalUrl: src.url,
          },
          checkedAt: '2026-11-27T12:00:00.000Z',
        });
      },
      parseAnswer: async (src) => {
        events.push(`parse ${src.id}`);
        // Every parse waits until all three requests have been made.
        await parsing.promise;
        return { version: 2, url: src.url, checkedAt: '2026-11-27T12:00:00.000Z', items: [] };
      },
    };
    const sources = ['a', 'b', 'c'].map((id, n) => source(id, `lab-${n}.test`));
    const collecting = collectFeeds(sources, fakeContext(dir), {
      refresh: true,
      offline: false,
      maxAgeMs: 1,
      timeoutMs: 1000,
      deadlineMs: 5000,
      maxBytes: 1000,
      concurrency: 1,
      perHost: 1,
      network: Promise.resolve(steps),
    });
    // With one place only, all three requests still go out while the parses wait.
    for (
      let tick = 0;
      tick < 50 && events.filter((e) => e.startsWith('request')).length < 3;
      tick++
    ) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(events.filter((event) => event.startsWith('request'))).toEqual([
      'request a',
      'request b',
      'request c',
    ]);
    parsing.resolve();
    const { results } = await collecting;
    expect(results.map((result) => result.from)).toEqual(['network', 'network', 'network']);
    await cleanup();
  });

  it('keeps to the limits in total and per host', async () => {
    const limit = createLimiter(3, 2);
    let running = 0;
    let most = 0;
    const perHost = new Map<string, number>();
    let mostPerHost = 0;
    const gates = Array.from({ length: 8 }, deferred);
    const tasks = gates.map((gate, n) => {
      const host = n < 5 ? 'one.test' : `other-${n}.test`;
      return limit(host, async () => {
        running++;
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        most = Math.max(most, running);
        mostPerHost = Math.max(mostPerHost, perHost.get('one.test') ?? 0);
        await gate.promise;
        running--;
        perHost.set(host, (perHost.get(host) ?? 0) - 1);
      });
    });
    for (const gate of gates) {
      await new Promise((resolve) => setImmediate(resolve));
      gate.resolve();
    }
    await Promise.all(tasks);
    expect(most).toBe(3);
    expect(mostPerHost).toBe(2);
  });
});
