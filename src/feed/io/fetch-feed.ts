/**
 * Fetching one feed politely and safely with Node's own http/https clients (rss-parser's
 * parseURL has no gzip, no conditional GET, a timeout that leaves the socket open and no size
 * cap; the global fetch spends ~50 ms setting up undici on its first call, a third of a
 * refresh's own work):
 * - one AbortSignal covers connect, headers and body, and aborting destroys the socket, so a
 *   timeout really lets a hung server go;
 * - redirects are followed by hand (at most 5, never https → http), permanent moves reported;
 * - gzip, deflate and brotli bodies are inflated here, and the body is cut at `maxBytes` of
 *   inflated bytes, so a small compressed body cannot expand past the cap;
 * - ETag / Last-Modified are sent back, and a 304 says "reuse your cache".
 */
import type { IncomingMessage } from 'node:http';
import {
  createBrotliDecompress,
  createGunzip,
  createInflate,
  type BrotliDecompress,
  type Gunzip,
  type Inflate,
} from 'node:zlib';
import { FeedFailure, failureForStatus } from '../core/failure.js';

/**
 * node:https (with tls and crypto, ~5 ms to load) only when an https address is fetched:
 * whatever loads before the first request goes out delays every answer.
 */
const clientFor = (url: URL) =>
  url.protocol === 'https:' ? import('node:https') : import('node:http');

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
  /** Called once the request has been handed to the network (for warming the parser up). */
  onSent?: () => void;
  /** Called when the head of the final answer arrives, before its body is read. */
  onAnswering?: () => void;
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

const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found (no network?)',
  EAI_AGAIN: 'host name lookup failed (no network?)',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'connection closed before the feed was complete',
  ERR_STREAM_PREMATURE_CLOSE: 'connection closed before the feed was complete',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate is for another host',
  Z_DATA_ERROR: 'the compressed body is corrupt',
  Z_BUF_ERROR: 'connection closed before the feed was complete',
};

function networkFailure(error: unknown): FeedFailure {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message =
    NETWORK_WORDS[code] ??
    (/aborted|socket hang up/i.test((error as Error).message ?? '')
      ? 'connection closed before the feed was complete'
      : error instanceof Error
        ? error.message
        : String(error));
  return new FeedFailure('network', message, { cause: error });
}

function truncated(error: unknown): FeedFailure {
  return new FeedFailure('network', 'connection closed before the feed was complete', {
    cause: error,
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** One request, resolved with the response head; the body is read by readCapped. */
function send(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  onSent: (() => void) | undefined,
): Promise<IncomingMessage> {
  return clientFor(url).then(
    (client) =>
      new Promise((resolve, reject) => {
        const request = client.request(url, {
          headers,
          signal,
          // One connection per request: nothing is left open for a process that exits next.
          agent: false,
        });
        request.once('response', resolve);
        request.once('error', reject);
        request.end(onSent);
      }),
  );
}

function inflaterFor(encoding: string): Gunzip | Inflate | BrotliDecompress | undefined {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return undefined;
}

function discard(response: IncomingMessage): void {
  response.resume();
  response.on('error', () => undefined);
}

async function readCapped(
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const inflater = encoding && encoding !== 'identity' ? inflaterFor(encoding) : undefined;
  if (encoding && encoding !== 'identity' && !inflater) {
    response.destroy();
    throw new FeedFailure('http-error', `the body is in an unknown encoding (${encoding})`);
  }
  const declared = Number(response.headers['content-length']);
  if (!inflater && declared > maxBytes) {
    response.destroy();
    throw new FeedFailure('too-large', `the feed is larger than ${formatBytes(maxBytes)}`);
  }
  const body = inflater ? response.pipe(inflater) : response;
  if (inflater) response.once('error', (error) => inflater.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        throw new FeedFailure(
          'too-large',
          `the feed is larger than ${formatBytes(maxBytes)}; stopped reading`,
        );
      }
      chunks.push(chunk);
    }
    // A body shorter than its Content-Length ends without an error on some Node versions.
    if (!inflater && Number.isFinite(declared) && declared > 0 && total < declared) {
      throw new FeedFailure('network', 'connection closed before the feed was complete');
    }
    if (!response.complete) {
      throw new FeedFailure('network', 'connection closed before the feed was complete');
    }
  } catch (error) {
    response.destroy();
    inflater?.destroy();
    if (error instanceof FeedFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // A socket reset or closed mid-body is a truncated feed, whatever the exact errno.
    throw (
      abortFailure(signal, error) ??
      (code.startsWith('Z_') || code.startsWith('ERR_TLS')
        ? networkFailure(error)
        : truncated(error))
    );
  }
  return Buffer.concat(chunks, total);
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchFeedResult> {
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
    if (redirects === 0 && options.lastModified) {
      headers['if-modified-since'] = options.lastModified;
    }
    let response: IncomingMessage;
    try {
      response = await send(
        new URL(current),
        headers,
        options.signal,
        redirects === 0 ? options.onSent : undefined,
      );
    } catch (error) {
      throw abortFailure(options.signal, error) ?? networkFailure(error);
    }
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && status !== 304) {
      discard(response);
      const location = header(response, 'location');
      if (!location) throw failureForStatus(status);
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
      permanentSoFar &&= status === 301 || status === 308;
      current = next.href;
      if (permanentSoFar) movedTo = current;
      continue;
    }
    options.onAnswering?.();
    if (status === 304) {
      discard(response);
      return { status: 'not-modified', finalUrl: current, ...(movedTo ? { movedTo } : {}) };
    }
    if (status < 200 || status >= 300) {
      discard(response);
      throw failureForStatus(status);
    }
    const bytes = await readCapped(response, options.maxBytes, options.signal);
    const etag = header(response, 'etag');
    const lastModified = header(response, 'last-modified');
    return {
      status: 'ok',
      bytes,
      contentType: header(response, 'content-type'),
      finalUrl: current,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
      ...(movedTo ? { movedTo } : {}),
    };
  }
}
