/**
 * What `pixel feed add <url>` checks before it saves anything: that the address is a feed, or
 * a page whose autodiscovery links name one (the first RSS or Atom feed it lists is taken).
 */
import { findFeedLinks } from '../core/discover.js';
import { FeedFailure } from '../core/failure.js';
import { looksLikeHtml } from '../core/repair-xml.js';
import { fetchFeed } from './fetch-feed.js';
import { decodeBody, parseFeed } from './parse-feed.js';
import { userAgent } from './refresh-source.js';

const CHECK_TIMEOUT_MS = 15_000;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

export interface Discovered {
  /** The feed's own address. */
  url: string;
  /** The page the user gave, when it was a page rather than the feed. */
  home?: string;
  /** The feed's title, for a name when none was given. */
  title: string;
  posts: number;
  /** The other feeds the page lists, for the user to pick with another `add`. */
  alternatives: string[];
}

async function get(url: string, version: string) {
  const response = await fetchFeed(url, {
    userAgent: userAgent(version),
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    maxBytes: MAX_PAGE_BYTES,
  });
  if (response.status !== 'ok') throw new FeedFailure('http-error', 'unexpected 304');
  return response;
}

/** Throws FeedFailure when the address can be reached but holds no feed. */
export async function discoverFeed(url: string, version: string): Promise<Discovered> {
  const first = await get(url, version);
  const text = decodeBody(first.bytes, first.contentType);
  if (!looksLikeHtml(text)) {
    const parsed = await parseFeed({
      bytes: first.bytes,
      contentType: first.contentType,
      sourceId: 'new',
      feedUrl: first.finalUrl,
    });
    return { url: first.finalUrl, title: parsed.title, posts: parsed.total, alternatives: [] };
  }
  const links = findFeedLinks(text, first.finalUrl);
  const chosen = links[0];
  if (!chosen) {
    throw new FeedFailure('not-a-feed', 'that page is not a feed and names no feed in its <head>');
  }
  const feed = await get(chosen.url, version);
  const parsed = await parseFeed({
    bytes: feed.bytes,
    contentType: feed.contentType,
    sourceId: 'new',
    feedUrl: feed.finalUrl,
  });
  return {
    url: chosen.url,
    home: first.finalUrl,
    title: parsed.title || chosen.title,
    posts: parsed.total,
    alternatives: links.slice(1).map((link) => link.url),
  };
}
