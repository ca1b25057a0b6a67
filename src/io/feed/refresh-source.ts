/**
 * One source's request: a conditional GET with a timeout that really aborts, then parsing
 * (on the parse pool). Loaded lazily by collect.ts, so a listing from a fresh cache never
 * loads fetch, rss-parser or worker threads.
 */
import * as diagnostics from 'node:diagnostics_channel';
import type { Context } from '../../context.js';
import { formatSeconds } from '../../core/feed/dates.js';
import { FeedFailure } from '../../core/feed/failure.js';
import type { ResolvedSource } from '../../core/feed/source.js';
import type { FeedCache } from './cache-store.js';
import { fetchFeed } from './fetch-feed.js';
import { warmUpParser } from './parse-feed.js';
import { createParsePool, type ParsePool } from './parse-pool.js';

export function userAgent(version: string): string {
  return `pixel/${version} (+https://www.npmjs.com/package/pixel-ml; feed reader)`;
}

/**
 * Counts requests started, sent and answered, through the diagnostics channels of Node's fetch
 * (undici), to warm the XML parser up only in the idle time once every request is on the wire
 * and until the first answer arrives: warming earlier would delay sending the requests.
 */
export interface RequestTraffic {
  started: number;
  answered: number;
  /** The parse pool, started with the first request (a warm listing never needs one). */
  pool: ParsePool;
  stop(): void;
}

export function watchRequestTraffic(env: NodeJS.ProcessEnv): RequestTraffic {
  let sent = 0;
  let warming = false;
  const pool = createParsePool(env);
  const traffic: RequestTraffic = {
    started: 0,
    answered: 0,
    pool,
    stop: () => {
      diagnostics.unsubscribe('undici:client:sendHeaders', onSent);
      diagnostics.unsubscribe('undici:request:headers', onAnswer);
      pool.close();
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

export type RefreshOutcome =
  | { status: 'not-modified'; checkedAt: string; movedTo?: string }
  | { status: 'fetched'; checkedAt: string; cache: FeedCache; movedTo?: string };

export interface RefreshOptions {
  context: Context;
  timeoutMs: number;
  maxBytes: number;
  deadline: AbortSignal;
  traffic: RequestTraffic;
  now: Date;
}

/** Throws FeedFailure for anything the user should hear about as this source's failure. */
export async function refreshSource(
  source: ResolvedSource,
  cache: FeedCache | undefined,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const { context, traffic, timeoutMs } = options;
  if (options.deadline.aborted) throw options.deadline.reason as FeedFailure;
  // The per-source timeout covers connecting, waiting and reading the whole body; aborting
  // makes undici destroy the socket, so a hung server is really let go.
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(new FeedFailure('timeout', `timed out after ${formatSeconds(timeoutMs)}`)),
    timeoutMs,
  );
  traffic.started++;
  try {
    const response = await fetchFeed(source.url, {
      userAgent: userAgent(context.version),
      signal: anySignal([controller.signal, options.deadline]),
      maxBytes: options.maxBytes,
      etag: cache?.etag,
      lastModified: cache?.lastModified,
    }).finally(() => traffic.answered++);
    const checkedAt = context.now().toISOString();
    const moved = response.movedTo ? { movedTo: response.movedTo } : {};
    if (response.status === 'not-modified') {
      if (!cache) {
        throw new FeedFailure(
          'http-error',
          'answered 304 Not Modified to a request without validators',
        );
      }
      return { status: 'not-modified', checkedAt, ...moved };
    }
    const items = await traffic.pool.parse({
      bytes: response.bytes,
      contentType: response.contentType,
      sourceId: source.id,
      feedUrl: response.finalUrl,
      now: options.now,
    });
    return {
      status: 'fetched',
      checkedAt,
      ...moved,
      cache: {
        version: 1,
        url: source.url,
        finalUrl: response.finalUrl,
        ...moved,
        ...(response.etag ? { etag: response.etag } : {}),
        ...(response.lastModified ? { lastModified: response.lastModified } : {}),
        checkedAt,
        items,
      },
    };
  } finally {
    clearTimeout(timer);
  }
}
