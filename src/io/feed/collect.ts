/**
 * Gets every requested source's items, concurrently, each failure isolated to its source:
 * fresh cache → no request; otherwise a conditional GET; on failure the last cached copy, else
 * the shipped snapshot, else nothing, always with the reason kept for the one warning line.
 */
import * as diagnostics from 'node:diagnostics_channel';
import type { Context } from '../../context.js';
import { FeedFailure } from '../../core/feed/failure.js';
import type { FeedItem } from '../../core/feed/item.js';
import type { ResolvedSource } from '../../core/feed/source.js';
import { fetchFeed } from './fetch-feed.js';
import { warmUpParser } from './parse-feed.js';
import { createParsePool, type ParsePool } from './parse-pool.js';
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

export function userAgent(version: string): string {
  return `pixel/${version} (+https://www.npmjs.com/package/pixel-ml; feed reader)`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${ms}ms`;
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

/**
 * Counts requests started, sent and answered, through the diagnostics channels of Node's fetch
 * (undici), to warm the XML parser up only in the idle time once every request is on the wire
 * and until the first answer arrives: warming earlier would delay sending the requests.
 */
interface RequestTraffic {
  started: number;
  answered: number;
  /** The parse pool, started with the first request (a warm listing never needs one). */
  pool(env: NodeJS.ProcessEnv): ParsePool;
  stop(): void;
}

function watchRequestTraffic(): RequestTraffic {
  let sent = 0;
  let warming = false;
  let pool: ParsePool | undefined;
  const traffic: RequestTraffic = {
    started: 0,
    answered: 0,
    pool: (env) => (pool ??= createParsePool(env)),
    stop: () => {
      diagnostics.unsubscribe('undici:client:sendHeaders', onSent);
      diagnostics.unsubscribe('undici:request:headers', onAnswer);
      pool?.close();
    },
  };
  const onSent = () => {
    sent++;
    if (!warming && sent >= traffic.started) {
      warming = true;
      warmUpParser(() => traffic.answered > 0);
    }
  };
  const onAnswer = () => {
    traffic.answered++;
  };
  diagnostics.subscribe('undici:client:sendHeaders', onSent);
  diagnostics.subscribe('undici:request:headers', onAnswer);
  return traffic;
}

/** AbortSignal.any, which Node gained in 20.3; pixel supports every Node 20. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

async function collectOne(
  source: ResolvedSource,
  context: Context,
  options: CollectOptions,
  deadline: AbortSignal,
  writes: Promise<void>[],
  traffic: RequestTraffic,
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

  // The per-source timeout covers connecting, waiting and reading the whole body; aborting
  // makes undici destroy the socket, so a hung server is really let go.
  const timeoutMs = source.timeoutSeconds ? source.timeoutSeconds * 1000 : options.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FeedFailure('timeout', `timed out after ${seconds(timeoutMs)}`)),
    timeoutMs,
  );
  const signal = anySignal([controller.signal, deadline]);
  traffic.started++;
  const pool = traffic.pool(context.env);
  try {
    const response = await fetchFeed(source.url, {
      userAgent: userAgent(context.version),
      signal,
      maxBytes: options.maxBytes,
      etag: cache?.etag,
      lastModified: cache?.lastModified,
    }).finally(() => traffic.answered++);
    const checkedAt = context.now().toISOString();
    if (response.status === 'not-modified') {
      if (!cache) {
        throw new FeedFailure(
          'http-error',
          'answered 304 Not Modified to a request without validators',
        );
      }
      const updated: FeedCache = { ...cache, checkedAt };
      writes.push(saveCache(context, source, updated));
      return {
        source,
        items: cache.items,
        from: 'not-modified',
        asOf: new Date(checkedAt),
        ...(response.movedTo ? { movedTo: response.movedTo } : {}),
      };
    }
    const items = await pool.parse({
      bytes: response.bytes,
      contentType: response.contentType,
      sourceId: source.id,
      feedUrl: response.finalUrl,
      now,
    });
    writes.push(
      saveCache(context, source, {
        version: 1,
        url: source.url,
        finalUrl: response.finalUrl,
        ...(response.movedTo ? { movedTo: response.movedTo } : {}),
        ...(response.etag ? { etag: response.etag } : {}),
        ...(response.lastModified ? { lastModified: response.lastModified } : {}),
        checkedAt,
        items,
      }),
    );
    return {
      source,
      items,
      from: 'network',
      asOf: new Date(checkedAt),
      ...(response.movedTo ? { movedTo: response.movedTo } : {}),
    };
  } catch (error) {
    if (!(error instanceof FeedFailure)) throw error;
    return fallback(source, cache, error);
  } finally {
    clearTimeout(timer);
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
  const traffic = watchRequestTraffic();
  const deadlineController = new AbortController();
  const deadlineTimer = setTimeout(
    () =>
      deadlineController.abort(
        new FeedFailure(
          'deadline',
          `not finished within the overall deadline of ${seconds(options.deadlineMs)}`,
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
    traffic.stop();
  }
  return { results, written: Promise.all(writes).then(() => undefined) };
}
