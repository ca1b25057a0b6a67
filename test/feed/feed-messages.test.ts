import { describe, expect, it } from 'vitest';
import { FeedFailure } from '../../src/feed/core/failure.js';
import type { ResolvedSource } from '../../src/feed/core/source.js';
import type { SourceResult } from '../../src/feed/io/collect.js';
import {
  failureWarning,
  feedWarnings,
  nothingListedHint,
  offlineSummary,
} from '../../src/feed/ui/feed-messages.js';

const now = new Date('2026-11-27T12:00:00Z');
const source = (id: string): ResolvedSource => ({
  id,
  name: id,
  url: `https://${id}.test/feed`,
  tags: [],
  provenance: 'official',
  enabled: true,
  origin: 'default',
});
const result = (
  id: string,
  from: SourceResult['from'],
  extra: Partial<SourceResult> = {},
): SourceResult => ({ source: source(id), items: [], from, ...extra });

describe('failureWarning', () => {
  it('says why and what is shown instead, with its age', () => {
    const blocked = new FeedFailure('blocked', 'blocked by the publisher (HTTP 403)');
    expect(
      failureWarning(
        result('a', 'stale-cache', { failure: blocked, asOf: new Date('2026-11-27T09:00:00Z') }),
        now,
      ),
    ).toBe('a: blocked by the publisher (HTTP 403); showing the cached copy from 3 hours ago');
    expect(
      failureWarning(
        result('b', 'snapshot', { failure: blocked, asOf: new Date('2025-07-28T00:00:00Z') }),
        now,
      ),
    ).toBe(
      'b: blocked by the publisher (HTTP 403); showing the snapshot shipped with pixel (captured 2025-07-28, 1 year ago)',
    );
    expect(failureWarning(result('c', 'none', { failure: blocked }), now)).toBe(
      'c: blocked by the publisher (HTTP 403); nothing cached to show',
    );
  });

  it('sanitises what a server put in the message, and says nothing for healthy sources', () => {
    const evil = new FeedFailure('network', 'bad \u001b]0;title\u0007 socket\n');
    expect(failureWarning(result('d', 'none', { failure: evil }), now)).toBe(
      'd: bad socket; nothing cached to show',
    );
    expect(failureWarning(result('e', 'network'), now)).toBeUndefined();
  });
});

describe('offlineSummary', () => {
  it('is silent when everything came from the cache', () => {
    expect(offlineSummary([result('a', 'cache', { asOf: now })], now)).toBeUndefined();
  });

  it('sums up cache, snapshot and empty sources in one line', () => {
    const offline = new FeedFailure('offline', 'x');
    expect(
      offlineSummary(
        [
          result('a', 'cache', { asOf: new Date('2026-11-27T11:00:00Z') }),
          result('b', 'snapshot', { failure: offline, asOf: new Date('2026-08-22T00:00:00Z') }),
          result('c', 'none', { failure: offline }),
        ],
        now,
      ),
    ).toBe(
      'offline: 1 from the cache (oldest checked 1 hour ago); 1 from the snapshot shipped with pixel (oldest captured 2026-08-22, 3 months ago); nothing yet for c',
    );
  });
});

describe('feedWarnings', () => {
  const refused = new FeedFailure('network', 'host not found (no network?)');
  const snapshotAt = (day: string) => ({ failure: refused, asOf: new Date(`${day}T00:00:00Z`) });
  const sixteenOffline = [
    ...Array.from({ length: 11 }, (_, n) =>
      result(`lab-${n}`, 'snapshot', snapshotAt(n % 2 ? '2025-07-28' : '2026-08-22')),
    ),
    ...Array.from({ length: 5 }, (_, n) => result(`new-${n}`, 'none', { failure: refused })),
  ];

  it('says "offline" once for a machine with no network, however many sources there are', () => {
    expect(feedWarnings(sixteenOffline, { now, verbose: false })).toEqual([
      'offline: showing posts cached or shipped with pixel, captured 2025-07-28 to 2026-08-22 (host not found (no network?)); nothing yet for new-0, new-1, new-2, new-3, new-4',
    ]);
  });

  it('gives every failing source its own line with --verbose', () => {
    const lines = feedWarnings(sixteenOffline, { now, verbose: true });
    expect(lines).toHaveLength(16);
    expect(lines[0]).toMatch(/^lab-0: host not found \(no network\?\); showing the snapshot/);
  });

  it('keeps a line for a source that failed for a reason of its own, and groups the rest', () => {
    const blocked = new FeedFailure('blocked', 'blocked by the publisher (HTTP 403)');
    const lines = feedWarnings(
      [
        result('fine', 'network'),
        result('also-fine', 'not-modified'),
        result('a', 'stale-cache', { failure: refused, asOf: now }),
        result('b', 'stale-cache', { failure: refused, asOf: now }),
        result('c', 'none', { failure: blocked }),
      ],
      { now, verbose: false },
    );
    expect(lines).toEqual([
      '2 sources could not be reached (a, b); showing their posts cached earlier, captured 2026-11-27 (host not found (no network?))',
      'c: blocked by the publisher (HTTP 403); nothing cached to show',
    ]);
  });

  it('sums up many broken sources in one line that points at --verbose', () => {
    const gone = new FeedFailure('not-found', 'not found (HTTP 404)');
    const results = Array.from({ length: 6 }, (_, n) => result(`s${n}`, 'none', { failure: gone }));
    expect(feedWarnings(results, { now, verbose: false })).toEqual([
      '6 sources failed: s0 (not-found), s1 (not-found), s2 (not-found), s3 (not-found), s4 (not-found), s5 (not-found); --verbose says why',
    ]);
  });
});

describe('nothingListedHint', () => {
  it.each([
    ['blocked', 'blocked by the publisher (HTTP 403)', /refuses the request/],
    ['server-error', 'server error (HTTP 500)', /server failed/],
    ['too-large', 'the feed is larger than 8 MiB', /larger than pixel reads/],
  ] as const)('after %s does not blame the network', (kind, message, hint) => {
    const text = nothingListedHint(
      [result('x', 'none', { failure: new FeedFailure(kind, message) })],
      false,
    );
    expect(text).toMatch(hint);
    expect(text).not.toMatch(/network/);
  });

  it('blames the network only when a source could not be reached', () => {
    expect(
      nothingListedHint([result('x', 'none', { failure: new FeedFailure('network', 'x') })], false),
    ).toBe('check the network connection, then try again');
  });
});
