/**
 * Gets every requested source's items, concurrently, each failure isolated to its source:
 * fresh cache → no request; otherwise a conditional GET; on failure the last cached copy, else
 * the shipped snapshot, else nothing, always with the reason kept for the one warning line.
 */
import type { Context } from '../../context.js';
import { formatSeconds } from '../../core/feed/dates.js';
import { FeedFailure } from '../../core/feed/failure.js';
import type { FeedItem } from '../../core/feed/item.js';
import type { ResolvedSource } from '../../core/feed/source.js';
import type { RequestTraffic } from './refresh-source.js';
import { readFeedCache, writeFeedCache, type FeedCache } from './cache-store.js';
import { loadSnapshot } from './snapshot-store.js';

export type ItemsFrom =
  /** Fetched and parsed just now. */
  | 'network'
  /** The publisher said 304: the cache is current. */
  | 'not-modified'
  /** The cache is within the freshness window (or --offline): no request made. */
  | 'cache'
  /** The fetch failed; the last cached copy is shown. */
  | 'stale-cache'
  /** The fetch failed and there is no cache; the snapshot shipped with pixel is shown. */
  | 'snapshot'
  /** The fetch failed and there is nothing to show. */
  | 'none';

export interface SourceResult {
  source: ResolvedSource;
  items: FeedItem[];
  from: ItemsFrom;
  failure?: FeedFailure;
  /** When the shown items were last confirmed by the publisher (or captured, for a snapshot). */
  asOf?: Date;
  movedTo?: string;
}

export interface CollectOptions {
  refresh: boolean;
  offline: boolean;
  maxAgeMs: number;
  timeoutMs: number;
  deadlineMs: number;
  maxBytes: number;
  concurrency: number;
  onSettled?: (result: SourceResult, done: number, total: number) => void;
}

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

type NetworkModule = typeof import('./refresh-source.js');
let network: Promise<NetworkModule> | undefined;

/** fetch, the parser and the worker pool load only when a request is actually needed. */
function loadNetwork(): Promise<NetworkModule> {
  network ??= import('./refresh-source.js');
  return network;
}

async function fallback(
  source: ResolvedSource,
  cache: FeedCache | undefined,
  failure: FeedFailure,
): Promise<SourceResult> {
  if (cache) {
    return {
      source,
      items: cache.items,
      from: 'stale-cache',
      failure,
      asOf: new Date(cache.checkedAt),
    };
  }
  const snapshot = (await loadSnapshot())?.sources[source.id];
  if (snapshot) {
    return {
      source,
      items: snapshot.items,
      from: 'snapshot',
      failure,
      asOf: new Date(snapshot.capturedAt),
    };
  }
  return { source, items: [], from: 'none', failure };
}

async function collectOne(
  source: ResolvedSource,
  context: Context,
  options: CollectOptions,
  deadline: AbortSignal,
  writes: Promise<void>[],
  traffic: { current?: RequestTraffic },
): Promise<SourceResult> {
  const now = context.now();
  const cache = await readFeedCache(context.paths, source.id, source.url, context.warn, now);
  if (options.offline) {
    if (cache) {
      return { source, items: cache.items, from: 'cache', asOf: new Date(cache.checkedAt) };
    }
    return fallback(
      source,
      undefined,
      new FeedFailure('offline', 'not fetched (--offline) and nothing cached yet'),
    );
  }
  if (cache && !options.refresh) {
    const age = now.getTime() - Date.parse(cache.checkedAt);
    if (age >= 0 && age < options.maxAgeMs) {
      return { source, items: cache.items, from: 'cache', asOf: new Date(cache.checkedAt) };
    }
  }
  if (deadline.aborted) return fallback(source, cache, deadline.reason as FeedFailure);

  const network = await loadNetwork();
  traffic.current ??= network.watchRequestTraffic(context.env);
  try {
    const outcome = await network.refreshSource(source, cache, {
      context,
      timeoutMs: source.timeoutSeconds ? source.timeoutSeconds * 1000 : options.timeoutMs,
      maxBytes: options.maxBytes,
      deadline,
      traffic: traffic.current,
      now,
    });
    const moved = outcome.movedTo ? { movedTo: outcome.movedTo } : {};
    if (outcome.status === 'not-modified') {
      // refreshSource only reports a 304 when there is a cache to reuse.
      const kept = cache as FeedCache;
      writes.push(saveCache(context, source, { ...kept, checkedAt: outcome.checkedAt }));
      return {
        source,
        items: kept.items,
        from: 'not-modified',
        asOf: new Date(outcome.checkedAt),
        ...moved,
      };
    }
    writes.push(saveCache(context, source, outcome.cache));
    return {
      source,
      items: outcome.cache.items,
      from: 'network',
      asOf: new Date(outcome.checkedAt),
      ...moved,
    };
  } catch (error) {
    if (!(error instanceof FeedFailure)) throw error;
    return fallback(source, cache, error);
  }
}

async function saveCache(context: Context, source: ResolvedSource, cache: FeedCache) {
  try {
    await writeFeedCache(context.paths, source.id, cache);
  } catch (error) {
    // A full disk must not hide the posts we just fetched.
    context.warn(`${source.id}: could not save the cache: ${(error as Error).message}`);
  }
}

export interface Collected {
  /** In the order of the sources, whatever order the fetches finished in. */
  results: SourceResult[];
  /** Cache writes still in flight: the listing can print first, then wait for these. */
  written: Promise<void>;
}

export async function collectFeeds(
  sources: readonly ResolvedSource[],
  context: Context,
  options: CollectOptions,
): Promise<Collected> {
  const writes: Promise<void>[] = [];
  // Created with the first request: a listing from a fresh cache loads no network code.
  const traffic: { current?: RequestTraffic } = {};
  const deadlineController = new AbortController();
  const deadlineTimer = setTimeout(
    () =>
      deadlineController.abort(
        new FeedFailure(
          'deadline',
          `not finished within the overall deadline of ${formatSeconds(options.deadlineMs)}`,
        ),
      ),
    options.deadlineMs,
  );
  const results: SourceResult[] = new Array<SourceResult>(sources.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      const source = sources[index];
      if (!source) continue;
      const result = await collectOne(
        source,
        context,
        options,
        deadlineController.signal,
        writes,
        traffic,
      );
      results[index] = result;
      done++;
      options.onSettled?.(result, done, sources.length);
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(options.concurrency, sources.length)) }, worker),
    );
  } finally {
    clearTimeout(deadlineTimer);
    traffic.current?.stop();
  }
  return { results, written: Promise.all(writes).then(() => undefined) };
}
