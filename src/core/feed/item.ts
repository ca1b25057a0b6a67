import * as z from 'zod/mini';

/**
 * One post, normalised: every field is plain, sanitised text, `link` is an absolute http(s) URL
 * or null, `published` an ISO instant or null when the feed gave no usable date. This is also
 * the documented `--json`/`--ndjson` shape.
 */
export interface FeedItem {
  id: string;
  source: string;
  title: string;
  link: string | null;
  published: string | null;
  summary: string;
  categories: string[];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

/**
 * A hand-written check rather than a zod object: a warm `pixel feed` validates every cached
 * item on each run, and zod's generic parse cost a third of the whole run's time.
 */
export function isFeedItem(value: unknown): value is FeedItem {
  if (!value || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  return (
    isString(item.id) &&
    isString(item.source) &&
    isString(item.title) &&
    isStringOrNull(item.link) &&
    isStringOrNull(item.published) &&
    isString(item.summary) &&
    Array.isArray(item.categories) &&
    item.categories.every(isString)
  );
}

export function isFeedItemList(value: unknown): value is FeedItem[] {
  return Array.isArray(value) && value.every(isFeedItem);
}

/** For embedding in other zod schemas: an array of FeedItem, checked by isFeedItemList. */
export const feedItemListSchema = z.custom<FeedItem[]>(isFeedItemList, 'invalid feed items');
