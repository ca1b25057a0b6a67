/**
 * One source's request and its parsing, as two steps, so that a fetch slot is held only while
 * the network is in use: a conditional GET with a timeout that really aborts, then parsing the
 * body outside the slot. Loaded lazily by collect.ts, so a listing from a fresh cache never
 * loads node:http, zlib or rss-parser.
 */
import type { Context } from '../../context.js';
import { formatSeconds } from '../core/dates.js';
import { FeedFailure } from '../core/failure.js';
import type { ResolvedSource } from '../core/source.js';
import { TOPICS_VERSION } from '../core/topics.js';
import { CACHE_VERSION, type CacheHeader, type FeedCache } from './cache-store.js';
import { fetchFeed, type FetchFeedResult } from './fetch-feed.js';

export function userAgent(version: string): string {
  return `pixel/${version} (+https://www.npmjs.com/package/pixel-ml; feed reader)`;
}

/**
 * Counts requests started, sent and being answered, to warm the XML parser up only in the idle
 * time once every request is on the wire and until the first answer begins: warming earlier
 * would delay sending the requests, warming later would delay reading and parsing the answers.
 * An answer counts from its head, not its last byte: a body comes in many reads, and a warm-up
 * round between two of them delayed the first answer by ~25 ms (twelve real feeds, traced).
 */
export interface RequestTraffic {
  started: number;
  sent: number;
  /** Requests whose answer has begun, or that ended without one (an error, a timeout). */
  answering: number;
}

export function createRequestTraffic(): RequestTraffic {
  return { started: 0, sent: 0, answering: 0 };
}

/** The parser and normaliser load once every request is on the wire, not before. */
let parsing: Promise<typeof import('./parse-feed.js')> | undefined;
const loadParsing = () => (parsing ??= import('./parse-feed.js'));

function requestSent(traffic: RequestTraffic): void {
  traffic.sent++;
  if (traffic.sent >= traffic.started) {
    void loadParsing().then((module) => module.warmUpParser(() => traffic.answering > 0));
  }
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

export interface RequestOptions {
  context: Context;
  timeoutMs: number;
  maxBytes: number;
  deadline: AbortSignal;
  traffic: RequestTraffic;
}

export interface Answered {
  response: FetchFeedResult;
  checkedAt: string;
}

/** The network step. Throws FeedFailure for anything the user should hear about. */
export async function requestSource(
  source: ResolvedSource,
  validators: Pick<CacheHeader, 'etag' | 'lastModified'> | undefined,
  options: RequestOptions,
): Promise<Answered> {
  const { context, traffic, timeoutMs } = options;
  if (options.deadline.aborted) throw options.deadline.reason as FeedFailure;
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(new FeedFailure('timeout', `timed out after ${formatSeconds(timeoutMs)}`)),
    timeoutMs,
  );
  traffic.started++;
  // Counted once: when the answer's head arrives, or when the request ends without one.
  let counted = false;
  const answering = () => {
    if (counted) return;
    counted = true;
    traffic.answering++;
  };
  try {
    const response = await fetchFeed(source.url, {
      userAgent: userAgent(context.version),
      signal: anySignal([controller.signal, options.deadline]),
      maxBytes: options.maxBytes,
      etag: validators?.etag,
      lastModified: validators?.lastModified,
      onSent: () => requestSent(traffic),
      onAnswering: answering,
    }).finally(answering);
    if (response.status === 'not-modified' && !validators) {
      throw new FeedFailure(
        'http-error',
        'answered 304 Not Modified to a request without validators',
      );
    }
    return { response, checkedAt: context.now().toISOString() };
  } finally {
    clearTimeout(timer);
  }
}

/** The parsing step, outside the fetch slot: the new cache for a fetched document. */
export async function parseAnswer(
  source: ResolvedSource,
  answered: Answered & { response: { status: 'ok' } },
  now: Date,
): Promise<FeedCache> {
  const { response, checkedAt } = answered;
  const { parseFeed } = await loadParsing();
  const parsed = await parseFeed({
    bytes: response.bytes,
    contentType: response.contentType,
    sourceId: source.id,
    feedUrl: response.finalUrl,
    now,
  });
  return {
    version: CACHE_VERSION,
    url: source.url,
    finalUrl: response.finalUrl,
    ...(response.movedTo ? { movedTo: response.movedTo } : {}),
    ...(response.etag ? { etag: response.etag } : {}),
    ...(response.lastModified ? { lastModified: response.lastModified } : {}),
    checkedAt,
    total: parsed.total,
    topicsVersion: TOPICS_VERSION,
    items: parsed.items,
  };
}
