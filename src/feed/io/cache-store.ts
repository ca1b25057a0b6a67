/**
 * The per-source cache under `<cache>/feeds/<id>.json`: the validators for conditional GET,
 * the normalised items (so a warm listing never loads rss-parser), and when it last succeeded.
 * The cache is disposable: whatever fails to read (a file pixel may not open after a `sudo
 * pixel feed`, a folder in its place, a file where the folder should be, text that is not a
 * cache) is dropped and fetched again, never fatal. What it holds is untrusted: every post is
 * checked and sanitised again as it is read (feed/core/item.ts). Writes are atomic.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { onFirstUse } from '../../shared/core/on-first-use.js';
import { writeFileAtomic } from '../../shared/io/atomic-write.js';
import { cleanStoredItems, isCleanJsonText, type FeedItem } from '../core/item.js';
import type { PixelPaths } from '../../shared/io/paths.js';

/** Bumped when the meaning of a cached field changes: an older cache is simply refetched. */
export const CACHE_VERSION = 2;

export interface FeedCache {
  version: typeof CACHE_VERSION;
  /** The source URL this cache belongs to: a source whose URL changed starts afresh. */
  url: string;
  finalUrl?: string;
  movedTo?: string;
  etag?: string;
  lastModified?: string;
  /** Last time the publisher answered with a feed or a 304 (ISO). */
  checkedAt: string;
  /** How many posts the feed itself listed; more than `items` when pixel kept only the newest. */
  total?: number;
  /** The topic classifier's version the items were tagged with (feed/core/topics.ts). */
  topicsVersion?: string;
  items: FeedItem[];
}

/** What a request needs of a cache: its validators, and when the publisher last confirmed it. */
export interface CacheHeader {
  url: string;
  checkedAt: string;
  etag?: string;
  lastModified?: string;
}

const OPTIONAL_TEXT = ['finalUrl', 'movedTo', 'topicsVersion'] as const;

/**
 * A validator fit to send back in a request header: printable ASCII. One edited into the cache
 * with a line break would make every request of its source fail before it is sent, so the
 * source would never refresh; it is dropped instead, and the request asks unconditionally.
 */
const HEADER_VALUE = /^[\x20-\x7e]+$/;

/**
 * The fields of a cache a request needs, checked; undefined when `data` is not a cache of this
 * version. Shared by the whole file's check (parseFeedCache) and its header's (cacheHeader).
 */
function checkedHeader(data: unknown): CacheHeader | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  if (record.version !== CACHE_VERSION) return undefined;
  if (typeof record.url !== 'string' || typeof record.checkedAt !== 'string') return undefined;
  if (Number.isNaN(Date.parse(record.checkedAt))) return undefined;
  const header: CacheHeader = { url: record.url, checkedAt: record.checkedAt };
  for (const key of ['etag', 'lastModified'] as const) {
    const value = record[key];
    if (typeof value === 'string' && HEADER_VALUE.test(value)) header[key] = value;
  }
  return header;
}

/**
 * The cache as read from disk, or undefined when it is not one. Checked by hand rather than
 * with a schema library: this runs for every source on every listing, and the posts are
 * checked one by one anyway (cleanStoredItems), an unusable post dropped on its own.
 * `textIsClean` when isCleanJsonText vouched for the file's text.
 */
export function parseFeedCache(data: unknown, textIsClean = false): FeedCache | undefined {
  const header = checkedHeader(data);
  if (!header) return undefined;
  const record = data as Record<string, unknown>;
  const items = cleanStoredItems(record.items, { textIsClean });
  if (!items) return undefined;
  const cache: FeedCache = { version: CACHE_VERSION, ...header, items };
  for (const key of OPTIONAL_TEXT) {
    const value = record[key];
    if (typeof value === 'string') cache[key] = value;
  }
  if (typeof record.total === 'number' && Number.isFinite(record.total)) cache.total = record.total;
  return cache;
}

export function cacheFile(paths: PixelPaths, sourceId: string): string {
  return join(paths.cache, 'feeds', `${sourceId}.json`);
}

export interface CacheRead {
  cache?: FeedCache;
  /** Why the cache could not be used, for one warning line (absent for "no cache yet"). */
  problem?: string;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** A source's cache file, read but parsed in full only when its posts are wanted. */
export interface OpenedCache {
  /**
   * The cache's header, from the start of its text alone (see cacheHeader): a refresh asks the
   * publisher with it and needs the posts only after a 304 or a failure. Undefined when there
   * is no cache, or its text does not start as pixel writes it (then read() says why).
   */
  header: CacheHeader | undefined;
  /** The whole cache, parsed and checked, or why not (moving a corrupt file aside); once. */
  read(): CacheRead;
}

const ITEMS_KEY = ',"items":[';

/**
 * The header of a cache as pixel writes it (JSON.stringify, the posts last): the text before
 * `,"items":[` closed, parsed and checked as parseFeedCache checks it (checkedHeader). In JSON
 * text a quote inside a string is escaped, so that sequence can only be a key. It costs a few
 * hundred characters of parsing instead of the whole file (~20 KB per source): the posts of a
 * refreshed source are never read when the publisher answers with a new document.
 */
export function cacheHeader(text: string): CacheHeader | undefined {
  const at = text.indexOf(ITEMS_KEY);
  if (at < 0) return undefined;
  try {
    return checkedHeader(JSON.parse(`${text.slice(0, at)}}`));
  } catch {
    return undefined;
  }
}

export function openFeedCache(
  paths: PixelPaths,
  sourceId: string,
  url: string,
  now: Date,
): OpenedCache {
  const file = cacheFile(paths, sourceId);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    // ENOENT: nothing cached yet; ENOTDIR: a file where the feeds folder should be, which
    // the next write reports.
    const read: CacheRead = code === 'ENOENT' ? {} : { problem: `cannot read ${file} (${code})` };
    return { header: undefined, read: () => read };
  }
  const header = cacheHeader(text);
  return {
    header: header?.url === url ? header : undefined,
    read: onFirstUse(() => parseCacheText(file, text, url, now)),
  };
}

export function readFeedCache(
  paths: PixelPaths,
  sourceId: string,
  url: string,
  now: Date,
): CacheRead {
  return openFeedCache(paths, sourceId, url, now).read();
}

function parseCacheText(file: string, text: string, url: string, now: Date): CacheRead {
  let problem: string;
  try {
    const data: unknown = JSON.parse(text);
    // One scan of the text vouches for every string in it, so a cache as pixel wrote it costs
    // a shape check per post rather than a test of each of its fields.
    const cache = parseFeedCache(data, isCleanJsonText(text));
    if (cache) return cache.url === url ? { cache } : {};
    const version = (data as { version?: unknown } | null)?.version;
    // A cache from another pixel version is not corrupt: fetch afresh and overwrite it.
    if (version !== CACHE_VERSION) return {};
    problem = 'is not a feed cache';
  } catch {
    problem = 'is not valid JSON';
  }
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    return { problem: `${file} ${problem}; moved it to ${aside} and fetched afresh` };
  } catch {
    try {
      rmSync(file, { force: true });
    } catch {
      // Neither movable nor removable: it is ignored, and the next write reports why.
    }
    return { problem: `${file} ${problem}; fetched afresh` };
  }
}

/**
 * Atomic but not fsynced, unlike state files: the cache can always be fetched again, and a
 * dozen fsyncs sat on the critical path of every refresh.
 */
export async function writeFeedCache(
  paths: PixelPaths,
  sourceId: string,
  cache: FeedCache,
): Promise<void> {
  // The posts last, whatever order the object was built in: cacheHeader reads what precedes.
  const { items, ...header } = cache;
  await writeFileAtomic(cacheFile(paths, sourceId), `${JSON.stringify({ ...header, items })}\n`, {
    durable: false,
  });
}
