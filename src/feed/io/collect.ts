/**
 * Gets every requested source's items, concurrently, each failure isolated to its source:
 * fresh cache → no request; otherwise a conditional GET; on failure the last cached copy, else
 * the shipped snapshot, else nothing, always with the reason kept for the warning lines.
 * At most `concurrency` requests are on the network at once, and a request gives its slot
 * back as soon as its body is in: parsing happens outside the slot, so a queue of slow
 * sources is never held up by parsing. Cache files are written only when the caller asks
 * (after the listing is printed).
 */
import type { Context } from '../../context.js';
import { formatSeconds } from '../core/dates.js';
import { FeedFailure } from '../core/failure.js';
import type { FeedItem } from '../core/item.js';
import type { ResolvedSource } from '../core/source.js';
import { createLimiter } from '../core/limiter.js';
import { onFirstUse } from '../../shared/core/on-first-use.js';
import { classify, TOPICS_VERSION } from '../core/topics.js';
import type { RequestTraffic } from './refresh-source.js';
import { openFeedCache, writeFeedCache, type CacheHeader, type FeedCache } from './cache-store.js';
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
  /** The fetch failed (or --offline) and there is no cache: the snapshot shipped with pixel. */
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
  /** How many posts the feed itself lists (more than `items` when only the newest are kept). */
  total?: number;
}

export interface CollectOptions {
  refresh: boolean;
  offline: boolean;
  maxAgeMs: number;
  timeoutMs: number;
  deadlineMs: number;
  maxBytes: number;
  /** Requests on the network at once. */
  concurrency: number;
  /** Requests to one host at once. */
  perHost: number;
  /** The network steps; tests hand in their own to watch how requests are scheduled. */
  network?: Promise<NetworkSteps>;
  onSettled?: (result: SourceResult, done: number, total: number) => void;
}

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export type NetworkSteps = Pick<
  typeof import('./refresh-source.js'),
  'createRequestTraffic' | 'requestSource' | 'parseAnswer'
>;
let network: Promise<NetworkSteps> | undefined;

/** node:http, zlib and the parser load only when a request is actually needed. */
function loadNetwork(): Promise<NetworkSteps> {
  network ??= import('./refresh-source.js');
  return network;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Posts tagged by another version of the topic classifier get today's topics. */
function withCurrentTopics(cache: FeedCache): FeedCache {
  if (cache.topicsVersion === TOPICS_VERSION) return cache;
  return {
    ...cache,
    topicsVersion: TOPICS_VERSION,
    items: cache.items.map((item) => ({ ...item, topics: classify(item) })),
  };
}

async function fromSnapshot(source: ResolvedSource, failure: FeedFailure): Promise<SourceResult> {
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

function fromCache(source: ResolvedSource, cache: FeedCache, from: ItemsFrom): SourceResult {
  return {
    source,
    items: cache.items,
    from,
    asOf: new Date(cache.checkedAt),
    ...(cache.total !== undefined ? { total: cache.total } : {}),
  };
}

export interface Collected {
  /** In the order of the sources, whatever order the fetches finished in. */
  results: SourceResult[];
  /** Problems reading the cache (unreadable or corrupt files), one line each. */
  cacheProblems: string[];
  /** Writes what was fetched to the cache; call it once the listing is out. Returns problems. */
  save(): Promise<string[]>;
}

export async function collectFeeds(
  sources: readonly ResolvedSource[],
  context: Context,
  options: CollectOptions,
): Promise<Collected> {
  const toSave: { source: ResolvedSource; cache: FeedCache }[] = [];
  const cacheProblems: string[] = [];
  const limit = createLimiter(options.concurrency, options.perHost);
  // Created with the first request: a listing from a fresh cache loads no network code.
  let traffic: RequestTraffic | undefined;
  // The overall deadline counts from here, but is armed by the first request: node loads
  // AbortController on first use, which a listing from a fresh cache never needs.
  const startedAt = Date.now();
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  let deadlineSignal: AbortSignal | undefined;
  const armDeadline = (): AbortSignal => {
    if (deadlineSignal) return deadlineSignal;
    const controller = new AbortController();
    deadlineTimer = setTimeout(
      () =>
        controller.abort(
          new FeedFailure(
            'deadline',
            `not finished within the overall deadline of ${formatSeconds(options.deadlineMs)}`,
          ),
        ),
      Math.max(0, options.deadlineMs - (Date.now() - startedAt)),
    );
    return (deadlineSignal = controller.signal);
  };

  const collectOne = async (source: ResolvedSource): Promise<SourceResult> => {
    const now = context.now();
    const opened = openFeedCache(context.paths, source.id, source.url, now);
    // The cached posts, read and checked on first use: a request needs only the header, and a
    // refresh answered with a new document never reads the old posts at all.
    const posts = onFirstUse((): { cache?: FeedCache } => {
      const read = opened.read();
      if (read.problem) cacheProblems.push(read.problem);
      if (!read.cache) return {};
      const cache = withCurrentTopics(read.cache);
      // Tagged afresh after an upgrade of the classifier: saved, so that happens once.
      if (cache !== read.cache) toSave.push({ source, cache });
      return { cache };
    });
    const cached = (): FeedCache | undefined => posts().cache;
    // Without a header (a file pixel did not write this way), the posts tell what it would.
    const header = opened.header ?? cached();
    if (options.offline) {
      const cache = cached();
      if (cache) return fromCache(source, cache, 'cache');
      return fromSnapshot(
        source,
        new FeedFailure('offline', 'not fetched (--offline) and nothing cached yet'),
      );
    }
    if (header && !options.refresh) {
      const age = now.getTime() - Date.parse(header.checkedAt);
      const cache = age >= 0 && age < options.maxAgeMs ? cached() : undefined;
      if (cache) return fromCache(source, cache, 'cache');
    }
    const fallback = (failure: FeedFailure): Promise<SourceResult> | SourceResult => {
      const cache = cached();
      return cache
        ? { ...fromCache(source, cache, 'stale-cache'), failure }
        : fromSnapshot(source, failure);
    };
    const deadline = armDeadline();
    if (deadline.aborted) return fallback(deadline.reason as FeedFailure);

    const net = await (options.network ?? loadNetwork());
    traffic ??= net.createRequestTraffic();
    const requestTraffic = traffic;
    // The slot is held for the request alone: parsing (below) happens outside it.
    const ask = (validators: CacheHeader | undefined) =>
      limit(hostOf(source.url), () =>
        net.requestSource(source, validators, {
          context,
          timeoutMs: source.timeoutSeconds ? source.timeoutSeconds * 1000 : options.timeoutMs,
          maxBytes: options.maxBytes,
          deadline,
          traffic: requestTraffic,
        }),
      );
    try {
      let answered = await ask(header);
      if (answered.response.status === 'not-modified') {
        const cache = cached();
        if (cache) {
          const kept = { ...cache, checkedAt: answered.checkedAt };
          toSave.push({ source, cache: kept });
          const moved = answered.response.movedTo ? { movedTo: answered.response.movedTo } : {};
          return { ...fromCache(source, kept, 'not-modified'), ...moved };
        }
        // The header was sound but its posts were not: ask for the whole document.
        answered = await ask(undefined);
      }
      // A 304 to the request without validators was a FeedFailure (requestSource).
      const moved = answered.response.movedTo ? { movedTo: answered.response.movedTo } : {};
      const fetched = await net.parseAnswer(
        source,
        answered as typeof answered & { response: { status: 'ok' } },
        now,
      );
      toSave.push({ source, cache: fetched });
      return { ...fromCache(source, fetched, 'network'), ...moved };
    } catch (error) {
      if (!(error instanceof FeedFailure)) throw error;
      return fallback(error);
    }
  };

  let done = 0;
  let results: SourceResult[];
  try {
    results = await Promise.all(
      sources.map(async (source) => {
        const result = await collectOne(source);
        done++;
        options.onSettled?.(result, done, sources.length);
        return result;
      }),
    );
  } finally {
    if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
  }

  const save = async () => {
    const problems: string[] = [];
    for (const { source, cache } of toSave) {
      try {
        await writeFeedCache(context.paths, source.id, cache);
      } catch (error) {
        // A full disk or a read-only cache folder must not hide the posts just fetched.
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        problems.push(`could not save the cache of ${source.id} (${code})`);
      }
    }
    return problems;
  };
  return { results, cacheProblems, save };
}
