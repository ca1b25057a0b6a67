/**
 * Merging the sources' items into one list: duplicates removed (the same post syndicated by
 * two sources, or a feed listing it twice), newest first, a stable order for equal dates
 * (source order, then the feed's own order), items without a date last.
 */
import type { FeedItem } from './item.js';

/**
 * Same post whatever the scheme, `www.`, trailing slash, fragment or tracking parameters.
 * String work, not `new URL`: links were already normalised by URL.href when the feed was
 * read, and this runs for every cached item on every listing.
 */
export function linkKey(link: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(link);
  if (!match) return link;
  const host = (match[1] ?? '').toLowerCase().replace(/^www\./, '');
  const path = (match[2] ?? '').replace(/\/+$/, '');
  const query = (match[3] ?? '')
    .slice(1)
    .split('&')
    .filter((pair) => pair && !/^(utm_[^=]*|fbclid|gclid|ref|source)(=|$)/i.test(pair))
    .join('&');
  return `${host}${path}${query ? `?${query}` : ''}`;
}

/** Newest first; equal or missing dates keep their given order (Array.sort is stable). */
export function sortNewestFirst(items: readonly FeedItem[]): FeedItem[] {
  // Parse each date once, not once per comparison.
  const keyed = items.map((item) => {
    const ms = item.published ? Date.parse(item.published) : Number.NaN;
    return { item, ms: Number.isFinite(ms) ? ms : undefined };
  });
  keyed.sort((a, b) => {
    if (a.ms === undefined || b.ms === undefined) {
      return a.ms === undefined ? (b.ms === undefined ? 0 : 1) : -1;
    }
    return b.ms - a.ms;
  });
  return keyed.map((entry) => entry.item);
}

/** Keeps a feed's newest `max` items (OpenAI ships its whole archive since 2015). */
export function newestItems(items: readonly FeedItem[], max: number): FeedItem[] {
  return sortNewestFirst(items).slice(0, max);
}

/** `lists` in source order; the first source to list a post keeps it. */
export function mergeItems(lists: readonly (readonly FeedItem[])[]): FeedItem[] {
  const seen = new Set<string>();
  const merged: FeedItem[] = [];
  for (const list of lists) {
    for (const item of list) {
      const keys = [`id:${item.source}:${item.id}`];
      if (item.link) keys.push(`link:${linkKey(item.link)}`);
      if (keys.some((key) => seen.has(key))) continue;
      for (const key of keys) seen.add(key);
      merged.push(item);
    }
  }
  return sortNewestFirst(merged);
}
