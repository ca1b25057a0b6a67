/**
 * The per-source cache under `<cache>/feeds/<id>.json`: the validators for conditional GET,
 * the normalised items (so a warm listing never loads rss-parser), and when it last succeeded.
 * Writes are atomic; a corrupt file is moved aside with a warning by readJsonFile.
 */
import { writeFileAtomic } from '../atomic-write.js';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { feedItemListSchema } from '../../core/feed/item.js';
import type { PixelPaths } from '../paths.js';
import { readJsonFile, type Warn } from '../json-store.js';

export const feedCacheSchema = z.object({
  version: z.literal(1),
  /** The source URL this cache belongs to: a source whose URL changed starts afresh. */
  url: z.string(),
  finalUrl: z.optional(z.string()),
  movedTo: z.optional(z.string()),
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
  /** Last time the publisher answered with a feed or a 304 (ISO). */
  checkedAt: z.string(),
  items: feedItemListSchema,
});
export type FeedCache = z.infer<typeof feedCacheSchema>;

export function cacheFile(paths: PixelPaths, sourceId: string): string {
  return join(paths.cache, 'feeds', `${sourceId}.json`);
}

export async function readFeedCache(
  paths: PixelPaths,
  sourceId: string,
  url: string,
  warn: Warn,
  now: Date,
): Promise<FeedCache | undefined> {
  const cache = await readJsonFile(cacheFile(paths, sourceId), feedCacheSchema, warn, now);
  return cache && cache.url === url ? cache : undefined;
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
  await writeFileAtomic(cacheFile(paths, sourceId), `${JSON.stringify(cache)}\n`, {
    durable: false,
  });
}
