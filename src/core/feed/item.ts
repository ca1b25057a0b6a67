import * as z from 'zod/mini';
import { isCleanLine, sanitizeText } from '../sanitize.js';

/**
 * One post, normalised: every field is plain, sanitised text, `link` is an absolute http(s) URL
 * or null, `published` an ISO instant or null when the feed gave no usable date. This is also
 * the documented `--json`/`--ndjson` shape (plus the reader's `new` and `read` marks).
 */
export interface FeedItem {
  id: string;
  source: string;
  title: string;
  link: string | null;
  published: string | null;
  summary: string;
  categories: string[];
  /** Names of the authors where the feed gives them, else empty. */
  authors: string[];
  /** Subfield topic ids from the classifier (core/feed/topics.ts), best match first. */
  topics: string[];
}

/** What may follow `http(s)://` in a link that goes inside an OSC 8 escape sequence. */
const PRINTABLE_LINK = /^https?:\/\/[\u0021-\u007e]+$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function cleanLine(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = isCleanLine(value) ? value : sanitizeText(value, { singleLine: true });
  return clean.length > max ? clean.slice(0, max) : clean;
}

function cleanList(value: unknown, max: number): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const result: string[] = [];
  for (const entry of value) {
    const clean = cleanLine(entry, max);
    if (clean === undefined) return undefined;
    if (clean) result.push(clean);
  }
  return result;
}

/**
 * A post read back from disk (the cache, the snapshot), checked and cleaned field by field: the
 * cache is a file anyone can edit, so nothing in it is trusted to be what pixel wrote. Text is
 * sanitised again, a link must be a printable http(s) URL (else it is dropped), a date must be
 * an ISO instant (else the post is undated). An entry that is not a post at all gives
 * undefined and is dropped on its own, not with the whole file. Lists written by older pixels
 * (no authors, no topics) read as empty.
 */
export function cleanStoredItem(value: unknown): FeedItem | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const item = value as Record<string, unknown>;
  // The common case, a post as pixel wrote it, is checked without copying anything.
  if (isCleanItem(item)) return item as unknown as FeedItem;
  const id = cleanLine(item.id, 600);
  const source = cleanLine(item.source, 64);
  const title = cleanLine(item.title, 400);
  const summary = cleanLine(item.summary, 2000);
  const categories = cleanList(item.categories, 80);
  const authors = cleanList(item.authors, 120);
  const topics = cleanList(item.topics, 40);
  if (
    !id ||
    !source ||
    title === undefined ||
    summary === undefined ||
    !categories ||
    !authors ||
    !topics
  ) {
    return undefined;
  }
  const link = typeof item.link === 'string' && PRINTABLE_LINK.test(item.link) ? item.link : null;
  const published =
    typeof item.published === 'string' && ISO_INSTANT.test(item.published) ? item.published : null;
  return { id, source, title, link, published, summary, categories, authors, topics };
}

const cleanText = (value: unknown, max: number) =>
  typeof value === 'string' && value.length <= max && isCleanLine(value);

const cleanTexts = (value: unknown, max: number) =>
  Array.isArray(value) && value.every((entry) => cleanText(entry, max) && entry !== '');

function isCleanItem(item: Record<string, unknown>): boolean {
  return (
    cleanText(item.id, 600) &&
    item.id !== '' &&
    cleanText(item.source, 64) &&
    item.source !== '' &&
    cleanText(item.title, 400) &&
    cleanText(item.summary, 2000) &&
    (item.link === null || (typeof item.link === 'string' && PRINTABLE_LINK.test(item.link))) &&
    (item.published === null ||
      (typeof item.published === 'string' && ISO_INSTANT.test(item.published))) &&
    cleanTexts(item.categories, 80) &&
    cleanTexts(item.authors, 120) &&
    cleanTexts(item.topics, 40)
  );
}

/** Every entry of a stored list that is a post, cleaned; the rest dropped. */
export function cleanStoredItems(value: unknown): FeedItem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: FeedItem[] = [];
  for (const entry of value) {
    const item = cleanStoredItem(entry);
    if (item) items.push(item);
  }
  return items;
}

/** For embedding in other zod schemas: a stored list of posts, cleaned by cleanStoredItems. */
export const feedItemListSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((list: unknown[]) => cleanStoredItems(list) ?? []),
);
