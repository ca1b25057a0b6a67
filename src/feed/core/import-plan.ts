/** What an OPML import adds to the user's list, and what it skips and why. */
import { safeLink } from './normalize.js';
import type { OpmlFeed } from './opml.js';
import { makeSourceId, type FeedSource, type ResolvedSource } from './source.js';

export interface ImportPlan {
  added: FeedSource[];
  skipped: { url: string; reason: string }[];
}

export function planImport(
  feeds: readonly OpmlFeed[],
  existing: readonly ResolvedSource[],
): ImportPlan {
  const urls = new Set(existing.map((source) => source.url));
  const taken = new Set(existing.map((source) => source.id));
  const plan: ImportPlan = { added: [], skipped: [] };
  for (const feed of feeds) {
    const url = safeLink(feed.xmlUrl, undefined);
    if (!url) {
      plan.skipped.push({ url: feed.xmlUrl.slice(0, 200), reason: 'not an http(s) URL' });
      continue;
    }
    if (urls.has(url)) {
      plan.skipped.push({ url, reason: 'already listed' });
      continue;
    }
    const id = makeSourceId(feed.title || url, taken);
    taken.add(id);
    urls.add(url);
    const home = feed.htmlUrl ? safeLink(feed.htmlUrl, undefined) : null;
    plan.added.push({
      id,
      name: feed.title.slice(0, 80) || url,
      url,
      ...(home ? { home } : {}),
      tags: feed.tags,
      provenance: 'official',
      enabled: true,
    });
  }
  return plan;
}
