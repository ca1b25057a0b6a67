import * as z from 'zod/mini';
import { isCleanLine, sanitizeText } from '../../shared/core/sanitize.js';

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
  /** Subfield topic ids from the classifier (feed/core/topics.ts), best match first. */
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
  if (isCleanItem(item, false)) return item as unknown as FeedItem;
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

/** A string of at most `max` characters; `clean` when the caller has vouched for its characters. */
const isText = (value: unknown, max: number, clean: boolean) =>
  typeof value === 'string' && value.length <= max && (clean || isCleanLine(value));

const isTextList = (value: unknown, max: number, clean: boolean) =>
  Array.isArray(value) && value.every((entry) => isText(entry, max, clean) && entry !== '');

/**
 * Is this a post exactly as pixel writes one? `textIsClean` says every string in it is already
 * known to be a clean line (see isCleanJsonText), leaving only the shape and lengths to check.
 */
function isCleanItem(item: Record<string, unknown>, textIsClean: boolean): boolean {
  return (
    isText(item.id, 600, textIsClean) &&
    item.id !== '' &&
    isText(item.source, 64, textIsClean) &&
    item.source !== '' &&
    isText(item.title, 400, textIsClean) &&
    isText(item.summary, 2000, textIsClean) &&
    (item.link === null || (typeof item.link === 'string' && PRINTABLE_LINK.test(item.link))) &&
    (item.published === null ||
      (typeof item.published === 'string' && ISO_INSTANT.test(item.published))) &&
    isTextList(item.categories, 80, textIsClean) &&
    isTextList(item.authors, 120, textIsClean) &&
    isTextList(item.topics, 40, textIsClean)
  );
}

/** JSON escapes that decode to a control or an invisible character: \b \f \n \r \t \uXXXX. */
const SUSPECT_ESCAPES = new Set(
  ['b', 'f', 'n', 'r', 't', 'u'].map((letter) => letter.charCodeAt(0)),
);

/**
 * Whether a JSON text holds one of SUSPECT_ESCAPES, walking its escapes with indexOf: a builtin
 * that scans the whole text much faster than a regular expression's first, interpreted run
 * (and `\\n`, an escaped backslash and an n, is then no false alarm).
 */
function hasSuspectEscape(text: string): boolean {
  for (let at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', at + 2)) {
    if (SUSPECT_ESCAPES.has(text.charCodeAt(at + 1))) return true;
  }
  return false;
}

/**
 * True when no string in a JSON text can hold a character sanitizeText would change: a scan
 * of the raw text, once per file read back from disk, instead of a test of every field of every
 * post. The text must be a clean line itself, and hold no escape that decodes to a control or
 * an invisible character (`\"`, `\\` and `\/` are harmless). pixel writes its files
 * with JSON.stringify, which leaves no white space outside strings but the final newline; a
 * pretty-printed file is false, and is then checked field by field.
 */
export function isCleanJsonText(text: string): boolean {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return isCleanLine(body) && !hasSuspectEscape(body);
}

/**
 * Every entry of a stored list that is a post, cleaned; the rest dropped. `textIsClean` when
 * isCleanJsonText vouched for the text the list was parsed from: a post as pixel wrote it is
 * then kept after checking its shape alone.
 */
export function cleanStoredItems(
  value: unknown,
  options: { textIsClean?: boolean } = {},
): FeedItem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // Array.isArray says any[]; what is stored is not known yet.
  const entries: readonly unknown[] = value;
  const textIsClean = options.textIsClean === true;
  const items: FeedItem[] = [];
  for (const entry of entries) {
    const item =
      textIsClean &&
      entry &&
      typeof entry === 'object' &&
      isCleanItem(entry as Record<string, unknown>, true)
        ? (entry as FeedItem)
        : cleanStoredItem(entry);
    if (item) items.push(item);
  }
  return items;
}

/**
 * For embedding in other zod schemas: a stored list of posts, cleaned by cleanStoredItems.
 * Made when asked for: the snapshot is the only file read with it, and a listing from the
 * cache never reads the snapshot.
 */
export const feedItemListSchema = () =>
  z.pipe(
    z.array(z.unknown()),
    z.transform((list: unknown[]) => cleanStoredItems(list) ?? []),
  );
