/**
 * Merging the sources' items into one list: duplicates removed (the same post syndicated by
 * two sources, or a feed listing it twice), newest first, a stable order for equal dates
 * (source order, then the feed's own order), items without a date last.
 */
import type { FeedItem } from './item.js';

/**
 * Same post whatever the scheme, `www.`, trailing slash, fragment or tracking parameters.
 * Only parameters that exist to track a click are dropped: `ref`, `source`, `id` and the like
 * can name different posts (`/post?source=a` and `/post?source=b`). Plain string work, not
 * `new URL` or a regular expression: links were already normalised by URL.href when the feed
 * was read, and this runs for every cached post on every listing.
 */
const TRACKING_PARAMETER =
  /^(utm_[^=]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi)(=|$)/i;

/** Links are printable ASCII (checked when read), so A-Z are the only capitals. */
function hasUpperCase(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code >= 65 && code <= 90) return true;
  }
  return false;
}

export function linkKey(link: string): string {
  const scheme = link.indexOf('://');
  if (scheme < 0) return link;
  let start = scheme + 3;
  let end = link.indexOf('#', start);
  if (end < 0) end = link.length;
  const queryAt = link.indexOf('?', start);
  const pathEnd = queryAt >= 0 && queryAt < end ? queryAt : end;
  let slash = link.indexOf('/', start);
  if (slash < 0 || slash > pathEnd) slash = pathEnd;
  if (link.startsWith('www.', start) || link.startsWith('WWW.', start)) start += 4;
  let pathStop = pathEnd;
  while (pathStop > slash && link.charCodeAt(pathStop - 1) === 47 /* / */) pathStop--;
  const withoutQuery = queryAt < 0 || queryAt >= end;
  // The common case, a lower-case host and no query: the key is one piece of the link, cut
  // once, instead of a host and a path cut, lower-cased and joined (a third of a warm listing's
  // merging, measured on 20,000 posts).
  if (withoutQuery && !hasUpperCase(link, start, slash)) return link.slice(start, pathStop);
  const host = link.slice(start, slash).toLowerCase();
  const path = link.slice(slash, pathStop);
  if (withoutQuery) return host + path;
  const query = link
    .slice(queryAt + 1, end)
    .split('&')
    .filter((pair) => pair && !TRACKING_PARAMETER.test(pair))
    .join('&');
  return query ? `${host}${path}?${query}` : host + path;
}

/** The sort key of a date: the instant in the fixed 24-character toISOString() form. */
function isoKey(published: string | null): string | undefined {
  if (!published) return undefined;
  if (published.length === 24 && published.endsWith('Z')) return published;
  const ms = Date.parse(published);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** Newest first; equal or missing dates keep their given order (Array.sort is stable). */
export function sortNewestFirst(items: readonly FeedItem[]): FeedItem[] {
  // Normalised dates are toISOString() output, whose text order is time order (years
  // 1995–9999), so they compare as strings without parsing each one per comparison.
  const keyed = items.map((item) => ({ item, key: isoKey(item.published) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      return a.key === undefined ? (b.key === undefined ? 0 : 1) : -1;
    }
    return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
  });
  return keyed.map((entry) => entry.item);
}

/**
 * `lists` in source order; the first source to list a post keeps it. Posts are matched by
 * link: within one source ids are already unique (normalizeItems makes them so), so only
 * links can tell that two sources carry the same post.
 */
export function mergeItems(lists: readonly (readonly FeedItem[])[]): FeedItem[] {
  const seen = new Set<string>();
  const merged: FeedItem[] = [];
  for (const list of lists) {
    for (const item of list) {
      if (item.link) {
        const key = linkKey(item.link);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      merged.push(item);
    }
  }
  return sortNewestFirst(merged);
}
