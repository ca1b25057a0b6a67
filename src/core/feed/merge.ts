/**
 * Merging the sources' items into one list: duplicates removed (the same post syndicated by
 * two sources, or a feed listing it twice), newest first, a stable order for equal dates
 * (source order, then the feed's own order), items without a date last.
 */
import type { FeedItem } from './item.js';

/** Same post whatever the scheme, `www.`, trailing slash, fragment or tracking parameters. */
export function linkKey(link: string): string {
  try {
    const url = new URL(link);
    for (const name of [...url.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|ref$|source$)/i.test(name)) url.searchParams.delete(name);
    }
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const path = url.pathname.replace(/\/+$/, '');
    return `${host}${path}${url.search}`;
  } catch {
    return link;
  }
}

function timeOf(item: FeedItem): number | undefined {
  if (!item.published) return undefined;
  const ms = Date.parse(item.published);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Newest first; equal or missing dates keep their given order (Array.sort is stable). */
export function sortNewestFirst(items: readonly FeedItem[]): FeedItem[] {
  return [...items].sort((a, b) => {
    const ta = timeOf(a);
    const tb = timeOf(b);
    if (ta === undefined || tb === undefined) {
      return ta === undefined ? (tb === undefined ? 0 : 1) : -1;
    }
    return tb - ta;
  });
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
