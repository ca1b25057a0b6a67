/**
 * rss-parser output → FeedItem. rss-parser's types promise strings, but real feeds give objects
 * (`guid` with attributes, `{_, $}` categories, structured authors, Atom xhtml titles), Atom
 * has `id` where RSS has `guid`, and links may be relative or `javascript:`. Every field is
 * coerced here, so nothing past this point needs to distrust the shape.
 */
import type { FeedItem } from './item.js';
import { parseFeedDate } from './dates.js';
import { htmlToText, truncateText } from './html-text.js';
import { sanitizeText } from '../sanitize.js';

export const MAX_TITLE_CHARS = 300;
export const MAX_SUMMARY_CHARS = 400;
export const MAX_ITEMS_PER_SOURCE = 100;
const MAX_CATEGORIES = 8;

type Loose = Record<string, unknown>;

/** The text inside whatever xml2js produced: a string, `{_: text}`, an array, nested xhtml. */
export function textOf(value: unknown, depth = 0): string {
  if (value === undefined || value === null || depth > 8) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((part) => textOf(part, depth + 1))
      .filter(Boolean)
      .join(' ');
  }
  if (typeof value === 'object') {
    const record = value as Loose;
    if (Object.hasOwn(record, '_')) return textOf(record._, depth + 1);
    // Atom xhtml content: a tree of element objects; `$` holds attributes, never text.
    return Object.keys(record)
      .filter((key) => key !== '$')
      .map((key) => textOf(record[key], depth + 1))
      .filter(Boolean)
      .join(' ');
  }
  return '';
}

/** An absolute http(s) URL, or null: `javascript:`, `data:`, `file:` and garbage are dropped. */
export function safeLink(raw: string, base: string | undefined): string | null {
  const text = raw.trim();
  if (!text || text.length > 2048) return null;
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.username = '';
  url.password = '';
  // href percent-encodes spaces and controls, so it is safe inside an OSC 8 sequence.
  return url.href;
}

/** FNV-1a, 53 bits: a stable id for items that have no guid and no link. */
export function stableHash(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x2c1b3c6d;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    high = Math.imul(high ^ code, 0x01000193) >>> 0;
    low = Math.imul(low ^ code, 0x5bd1e995) >>> 0;
  }
  return `${(high & 0x1fffff).toString(16).padStart(6, '0')}${low.toString(16).padStart(8, '0')}`;
}

function categoriesOf(item: Loose): string[] {
  const raw = [item.categories, item.atomCategories].flatMap((value) =>
    Array.isArray(value) ? value : value === undefined ? [] : [value],
  );
  const names = raw.map((entry) => {
    // Atom <category term="..."/> arrives as { $: { term } }.
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const attributes = (entry as Loose).$;
      if (attributes && typeof attributes === 'object') {
        const label = textOf((attributes as Loose).label) || textOf((attributes as Loose).term);
        if (label && !Object.hasOwn(entry as Loose, '_')) return label;
      }
    }
    return textOf(entry);
  });
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const clean = truncateText(htmlToText(name), 40);
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    result.push(clean);
    if (result.length === MAX_CATEGORIES) break;
  }
  return result;
}

function summaryOf(item: Loose, title: string): string {
  const candidates = [item.content, item.summary, item.description, item['content:encoded']];
  for (const candidate of candidates) {
    const text = htmlToText(textOf(candidate));
    // Scraped feeds repeat the title as the description: that is no summary.
    if (!text || text === title) continue;
    const withoutTitle = text.startsWith(`${title} `) ? text.slice(title.length + 1) : text;
    return truncateText(withoutTitle, MAX_SUMMARY_CHARS);
  }
  return '';
}

function dateOf(item: Loose, now: Date | undefined): Date | undefined {
  // Raw fields first: rss-parser's isoDate reads zone-less dates in local time.
  for (const key of ['pubDate', 'published', 'updated', 'dc:date', 'date', 'isoDate']) {
    const date = parseFeedDate(textOf(item[key]), now);
    if (date) return date;
  }
  return undefined;
}

/** Milliseconds of an item's date, or undefined: for choosing the newest before normalising. */
export function rawItemTime(raw: unknown): number | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  return dateOf(raw as Loose, undefined)?.getTime();
}

/**
 * The newest `max` raw items, in their feed order: normalising (HTML stripping above all) is
 * the costly step, so items that would be dropped anyway are not normalised.
 */
export function newestRawItems(items: readonly unknown[], max: number): unknown[] {
  if (items.length <= max) return [...items];
  const ranked = items.map((item, index) => ({ index, ms: rawItemTime(item) }));
  ranked.sort((a, b) => {
    if (a.ms === undefined || b.ms === undefined) {
      return a.ms === undefined ? (b.ms === undefined ? a.index - b.index : 1) : -1;
    }
    return b.ms - a.ms || a.index - b.index;
  });
  const keep = new Set(ranked.slice(0, max).map((entry) => entry.index));
  return items.filter((_item, index) => keep.has(index));
}

export interface NormalizeInput {
  sourceId: string;
  /** The URL the document was finally fetched from: relative links resolve against it. */
  feedUrl: string | undefined;
  items: readonly unknown[];
  now?: Date;
}

export function normalizeItems(input: NormalizeInput): FeedItem[] {
  const result: FeedItem[] = [];
  const ids = new Set<string>();
  for (const raw of input.items) {
    if (!raw || typeof raw !== 'object') continue;
    const item = raw as Loose;
    const title = truncateText(htmlToText(textOf(item.title)), MAX_TITLE_CHARS);
    let link = safeLink(textOf(item.link), input.feedUrl);
    let guid = sanitizeText(textOf(item.guid) || textOf(item.id), { singleLine: true });
    // A root-relative guid (Jekyll's SAIL feed) is only unique once made absolute.
    if (guid.startsWith('/')) guid = safeLink(guid, input.feedUrl) ?? guid;
    // A guid that is a URL is the permalink when the item has no <link>.
    if (!link && guid) link = safeLink(guid, input.feedUrl);
    const date = dateOf(item, input.now);
    if (!title && !link) continue;
    const published = date ? date.toISOString() : null;
    let id = guid.slice(0, 500) || link || `sha:${stableHash(`${title}\n${published ?? ''}`)}`;
    // Two items claiming one id inside a feed: keep both, they are different posts.
    if (ids.has(id)) id = `${id}#${stableHash(`${title}\n${link ?? ''}`)}`;
    ids.add(id);
    result.push({
      id,
      source: input.sourceId,
      title: title || '(untitled)',
      link,
      published,
      summary: summaryOf(item, title),
      categories: categoriesOf(item),
    });
  }
  return result;
}
