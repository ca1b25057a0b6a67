/** The listing filters: `--since`, `--search`, `--topic` and `--unread`; sources and tags pick sources. */
import type { FeedItem } from './item.js';

export interface ItemFilter {
  since?: Date;
  /** Every word must appear in the title, summary, categories, authors or source name. */
  search?: string;
  /** Posts with at least one of these topic ids. */
  topics?: ReadonlySet<string>;
  /** Posts to leave out (read ones, for --unread). */
  exclude?: (item: FeedItem) => boolean;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function filterItems(
  items: readonly FeedItem[],
  filter: ItemFilter,
  sourceNames: ReadonlyMap<string, string> = new Map(),
): FeedItem[] {
  const words = filter.search ? fold(filter.search).split(/\s+/).filter(Boolean) : [];
  const since = filter.since?.getTime();
  const topics = filter.topics && filter.topics.size > 0 ? filter.topics : undefined;
  return items.filter((item) => {
    if (since !== undefined) {
      // An undated post cannot be shown to be recent.
      const ms = item.published ? Date.parse(item.published) : Number.NaN;
      if (!(ms >= since)) return false;
    }
    if (topics && !item.topics.some((topic) => topics.has(topic))) return false;
    if (filter.exclude?.(item)) return false;
    if (words.length > 0) {
      const haystack = fold(
        [
          item.title,
          item.summary,
          item.categories.join(' '),
          item.authors.join(' '),
          item.source,
          sourceNames.get(item.source) ?? '',
        ].join(' '),
      );
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}
