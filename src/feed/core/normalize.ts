/**
 * rss-parser output → FeedItem. rss-parser's types promise strings, but real feeds give objects
 * (`guid` with attributes, `{_, $}` categories, structured authors, Atom xhtml titles), Atom
 * has `id` where RSS has `guid`, and links may be relative or `javascript:`. Every field is
 * coerced here, so nothing past this point needs to distrust the shape.
 */
import type { FeedItem } from './item.js';
import { parseFeedDate } from './dates.js';
import { htmlToText, truncateText } from './html-text.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import { stableHash } from './hash.js';
import { classify } from './topics.js';

export const MAX_TITLE_CHARS = 300;
export const MAX_SUMMARY_CHARS = 400;
const MAX_CATEGORIES = 8;
const MAX_AUTHORS = 5;
const MAX_AUTHOR_CHARS = 80;

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
  // Only when there are any: each assignment makes URL re-serialise the whole address.
  if (url.username) url.username = '';
  if (url.password) url.password = '';
  // href percent-encodes spaces and controls, so it is safe inside an OSC 8 sequence.
  return url.href;
}

function categoriesOf(item: Loose): string[] {
  const raw = [item.categories, item.atomCategories].flatMap((value): unknown[] =>
    Array.isArray(value) ? value : value === undefined ? [] : [value],
  );
  const names = raw.map((entry) => {
    // Atom <category term="..."/> arrives as { $: { term } }.
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const attributes = (entry as Loose).$;
      if (attributes && typeof attributes === 'object') {
        const label = textOf((attributes as Loose).label) || textOf((attributes as Loose).term);
        if (label && !Object.hasOwn(entry, '_')) return label;
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

/** `jane@example.org (Jane Doe)` → `Jane Doe`; a bare e-mail address is no name to show. */
function authorName(raw: string): string {
  const text = htmlToText(raw);
  const inParentheses = /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1];
  if (inParentheses) return inParentheses.trim();
  if (/^\S+@\S+$/.test(text)) return '';
  return text;
}

function authorsOf(item: Loose): string[] {
  const names: string[] = [];
  for (const value of [item.creator, item['dc:creator'], item.author]) {
    const list = Array.isArray(value) ? value : [value];
    for (const entry of list) {
      // Atom and some RSS feeds give { name: [...] } or { title: [...] } elements.
      const record = entry && typeof entry === 'object' ? (entry as Loose) : undefined;
      const raw = record ? textOf(record.name ?? record.title ?? record) : textOf(entry);
      const name = truncateText(authorName(raw), MAX_AUTHOR_CHARS);
      if (name && !names.some((known) => known.toLowerCase() === name.toLowerCase())) {
        names.push(name);
      }
      if (names.length === MAX_AUTHORS) return names;
    }
  }
  return names;
}

/** RSS `<guid isPermaLink="true">`: the guid is the post's address (rss-parser drops the flag). */
function guidIsPermaLink(item: Loose): boolean {
  const elements = item.guidElements;
  const first: unknown = Array.isArray(elements) ? elements[0] : undefined;
  if (!first || typeof first !== 'object') return false;
  const attributes = (first as Loose).$;
  return (
    !!attributes &&
    typeof attributes === 'object' &&
    textOf((attributes as Loose).isPermaLink)
      .trim()
      .toLowerCase() === 'true'
  );
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

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
    const rawGuid = sanitizeText(textOf(item.guid) || textOf(item.id), { singleLine: true });
    // A guid stands in for a missing (or refused) link only when it is an address: an absolute
    // http(s) URL, or one the feed marks isPermaLink="true". `lnk-1` is a name, not a page.
    if (!link && rawGuid && (ABSOLUTE_HTTP.test(rawGuid) || guidIsPermaLink(item))) {
      link = safeLink(rawGuid, input.feedUrl);
    }
    // A root-relative guid (Jekyll's SAIL feed) is only unique once made absolute.
    const guid = rawGuid.startsWith('/') ? (safeLink(rawGuid, input.feedUrl) ?? rawGuid) : rawGuid;
    const date = dateOf(item, input.now);
    if (!title && !link) continue;
    const published = date ? date.toISOString() : null;
    let id = guid.slice(0, 500) || link || `sha:${stableHash(`${title}\n${published ?? ''}`)}`;
    // Two items claiming one id inside a feed: keep both, they are different posts.
    if (ids.has(id)) id = `${id}#${stableHash(`${title}\n${link ?? ''}`)}`;
    ids.add(id);
    const summary = summaryOf(item, title);
    const categories = categoriesOf(item);
    result.push({
      id,
      source: input.sourceId,
      title: title || '(untitled)',
      link,
      published,
      summary,
      categories,
      authors: authorsOf(item),
      topics: classify({ title, summary, categories }),
    });
  }
  return result;
}
