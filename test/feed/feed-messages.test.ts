import { describe, expect, it } from 'vitest';
import { FeedFailure } from '../../src/core/feed/failure.js';
import type { ResolvedSource } from '../../src/core/feed/source.js';
import type { SourceResult } from '../../src/io/feed/collect.js';
import { failureWarning, offlineSummary } from '../../src/ui/feed-messages.js';

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
const result = (id: string, from: SourceResult['from'], extra: Partial<SourceResult> = {}) =>
  ({ source: source(id), items: [], from, ...extra }) as SourceResult;

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
