/**
 * Feed autodiscovery: the `<link rel="alternate" type="application/rss+xml" href="…">` elements
 * a blog's home page carries in its <head>, resolved against the page's address.
 */
import { decodeEntities } from './html-text.js';
import { safeLink } from './normalize.js';

const FEED_TYPES = /^application\/(rss|atom|rdf)\+xml$|^application\/xml$|^text\/xml$/i;

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    if (match[1]) {
      found.set(match[1].toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
    }
  }
  return found;
}

export interface DiscoveredFeed {
  url: string;
  title: string;
}

/** The page's feeds in document order, RSS and Atom alike, without duplicates. */
export function findFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  const head = html.slice(0, 512 * 1024);
  const base = /<base\s[^>]*href\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const resolveFrom = base ? (safeLink(base, pageUrl) ?? pageUrl) : pageUrl;
  const feeds: DiscoveredFeed[] = [];
  for (const match of head.matchAll(/<link\b[^>]*>/gi)) {
    const found = attributes(match[0]);
    const rel = (found.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (found.get('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const url = safeLink(found.get('href') ?? '', resolveFrom);
    if (url && !feeds.some((feed) => feed.url === url)) {
      feeds.push({ url, title: found.get('title') ?? '' });
    }
  }
  return feeds;
}
