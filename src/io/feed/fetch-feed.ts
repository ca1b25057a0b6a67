/**
 * Fetching one feed politely and safely with Node's own fetch (rss-parser's parseURL has no
 * gzip, no conditional GET, a timeout that leaves the socket open and no size cap):
 * - one AbortSignal covers connect, headers and body, so a timeout really closes the socket;
 * - redirects are followed by hand (at most 5, never https → http), permanent moves reported;
 * - the body is read as a stream and cut at `maxBytes` of decoded bytes (fetch inflates gzip
 *   and br itself, so a small compressed body cannot expand past the cap);
 * - ETag / Last-Modified are sent back, and a 304 says "reuse your cache".
 */
import { FeedFailure, failureForStatus } from '../../core/feed/failure.js';

export const MAX_REDIRECTS = 5;
export const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

export interface FetchFeedOptions {
  userAgent: string;
  /** Aborts this request (per-source timeout combined with the overall deadline). */
  signal: AbortSignal;
  maxBytes: number;
  etag?: string | undefined;
  lastModified?: string | undefined;
  fetchImpl?: typeof fetch;
}

export type FetchFeedResult =
  | {
      status: 'ok';
      bytes: Uint8Array;
      contentType: string | null;
      finalUrl: string;
      etag?: string;
      lastModified?: string;
      /** Set when a 301/308 moved the feed for good. */
      movedTo?: string;
    }
  | { status: 'not-modified'; finalUrl: string; movedTo?: string };

function abortFailure(signal: AbortSignal, error: unknown): FeedFailure | undefined {
  if (!signal.aborted) return undefined;
  const reason: unknown = signal.reason;
  if (reason instanceof FeedFailure) return reason;
  return new FeedFailure('timeout', 'timed out', { cause: error });
}

function networkFailure(error: unknown): FeedFailure {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found (no network?)',
    EAI_AGAIN: 'host name lookup failed (no network?)',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'connection closed before the feed was complete',
    CERT_HAS_EXPIRED: 'the server certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is not trusted',
  };
  const message =
    words[code] ??
    (cause?.message ? cause.message : error instanceof Error ? error.message : String(error));
  return new FeedFailure('network', message, { cause: error });
}

async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (!response.headers.get('content-encoding') && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedFailure('too-large', `the feed is larger than ${formatBytes(maxBytes)}`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new FeedFailure(
          'too-large',
          `the feed is larger than ${formatBytes(maxBytes)}; stopped reading`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FeedFailure) throw error;
    throw abortFailure(signal, error) ?? networkFailure(error);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchFeedResult> {
  const doFetch = options.fetchImpl ?? fetch;
  let current = url;
  let movedTo: string | undefined;
  let permanentSoFar = true;
  for (let redirects = 0; ; redirects++) {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    // Validators belong to the URL they came from; a redirected request starts clean.
    if (redirects === 0 && options.etag) headers['if-none-match'] = options.etag;
    if (redirects === 0 && options.lastModified)
      headers['if-modified-since'] = options.lastModified;
    let response: Response;
    try {
      response = await doFetch(current, { headers, redirect: 'manual', signal: options.signal });
    } catch (error) {
      throw abortFailure(options.signal, error) ?? networkFailure(error);
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw failureForStatus(response.status);
      if (redirects >= MAX_REDIRECTS) {
        throw new FeedFailure(
          'too-many-redirects',
          `more than ${MAX_REDIRECTS} redirects (last to ${location.slice(0, 200)})`,
        );
      }
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new FeedFailure('http-error', 'redirected to an invalid address');
      }
      if (new URL(current).protocol === 'https:' && next.protocol !== 'https:') {
        throw new FeedFailure(
          'insecure-redirect',
          `refused a redirect from https to ${next.protocol.replace(':', '')} (${next.host})`,
        );
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FeedFailure('http-error', `redirected to a ${next.protocol} address`);
      }
      permanentSoFar &&= response.status === 301 || response.status === 308;
      current = next.href;
      if (permanentSoFar) movedTo = current;
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'not-modified', finalUrl: current, ...(movedTo ? { movedTo } : {}) };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw failureForStatus(response.status);
    }
    const bytes = await readCapped(response, options.maxBytes, options.signal);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return {
      status: 'ok',
      bytes,
      contentType: response.headers.get('content-type'),
      finalUrl: current,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
      ...(movedTo ? { movedTo } : {}),
    };
  }
}
