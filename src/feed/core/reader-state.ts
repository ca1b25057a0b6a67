/**
 * What pixel remembers about reading the feed: which posts a listing has shown (so the next
 * one can mark what is new since), which the user has read, and the numbered posts of the last
 * listing (so `pixel feed read 3` and `pixel feed open 3` mean the post numbered 3 on screen).
 * Pure data and edits; feed/io/reader-store.ts keeps it on disk.
 */
import type { FeedItem } from './item.js';

/** Keys remembered per list; the oldest go first (a key is ~60 bytes). */
export const MAX_REMEMBERED = 50_000;

export interface ListedPost {
  key: string;
  link: string | null;
}

export interface ReaderState {
  version: 1;
  /** When a text listing last ran (ISO); absent before the first, when nothing is "new". */
  lastListedAt?: string;
  /** Keys of every post a listing has shown, oldest first. */
  seen: string[];
  /** Keys of the posts read: opened, or marked with `pixel feed read`. */
  read: string[];
  /** The last listing, in its numbered order. */
  lastListing: ListedPost[];
}

export function emptyReaderState(): ReaderState {
  return { version: 1, seen: [], read: [], lastListing: [] };
}

/**
 * A post's identity across runs: its source and the id its feed gives it. Kept as text, not
 * hashed: hashing 20,000 keys on every listing cost more than reading the longer file.
 */
export function postKey(item: Pick<FeedItem, 'source' | 'id'>): string {
  return `${item.source} ${item.id}`;
}

/** One Set per list, built once: a listing asks about the same 20,000 keys twice. */
const sets = new WeakMap<readonly string[], Set<string>>();

function setOf(list: readonly string[]): Set<string> {
  let set = sets.get(list);
  if (!set) {
    set = new Set(list);
    sets.set(list, set);
  }
  return set;
}

function remember(list: readonly string[], keys: readonly string[]): string[] {
  const known = setOf(list);
  const added: string[] = [];
  const adding = new Set<string>();
  for (const key of keys) {
    if (known.has(key) || adding.has(key)) continue;
    adding.add(key);
    added.push(key);
  }
  // Unchanged lists stay the same array, so the store can tell nothing needs writing.
  if (added.length === 0) return list as string[];
  const all = [...list, ...added];
  return all.length > MAX_REMEMBERED ? all.slice(all.length - MAX_REMEMBERED) : all;
}

/** Functions, not methods: they are handed on as filters (`posts.filter(marks.isRead)`). */
export interface Marks {
  isNew: (item: FeedItem) => boolean;
  isRead: (item: FeedItem) => boolean;
}

/** Questions about posts, answered from the state as it was before this run. */
export function marksOf(state: ReaderState): Marks {
  const seen = setOf(state.seen);
  const read = setOf(state.read);
  // Before any listing has been seen there is no "since": nothing is new on the first run.
  const hasBaseline = state.seen.length > 0;
  return {
    isNew: (item) => hasBaseline && !seen.has(postKey(item)),
    isRead: (item) => read.has(postKey(item)),
  };
}

/** After a listing: its posts are seen, and numbered for `read N` / `open N`. */
export function recordListing(state: ReaderState, items: readonly FeedItem[], at: Date): void {
  state.lastListedAt = at.toISOString();
  state.seen = remember(
    state.seen,
    items.map((item) => postKey(item)),
  );
  state.lastListing = items.map((item) => ({ key: postKey(item), link: item.link }));
}

export function markRead(state: ReaderState, keys: readonly string[]): void {
  state.read = remember(state.read, keys);
  state.seen = remember(state.seen, keys);
}

export function markUnread(state: ReaderState, keys: readonly string[]): void {
  const drop = new Set(keys);
  state.read = state.read.filter((key) => !drop.has(key));
}

/**
 * `3`, `1 4 7`, `2-5`, `all` → 1-based positions in the last listing, in order, without
 * repeats; a message for the first thing that is not one.
 */
export function parsePositions(
  words: readonly string[],
  count: number,
): { positions: number[] } | { problem: string } {
  const positions = new Set<number>();
  for (const word of words.flatMap((entry) => entry.split(','))) {
    const text = word.trim().toLowerCase();
    if (!text) continue;
    if (text === 'all') {
      for (let n = 1; n <= count; n++) positions.add(n);
      continue;
    }
    const range = /^(\d+)(?:-(\d+))?$/.exec(text);
    if (!range) return { problem: word };
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < 1 || to < from || to > count) return { problem: word };
    for (let n = from; n <= to; n++) positions.add(n);
  }
  return { positions: [...positions] };
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/**
 * The marks as read from disk (`seen`, `read`), or undefined when they are not. Checked by
 * hand: the lists run to tens of thousands of keys, which a schema library walks far more
 * slowly.
 */
export function parseMarks(data: unknown): Pick<ReaderState, 'seen' | 'read'> | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  if (record.version !== 2 || !isStringList(record.seen) || !isStringList(record.read)) {
    return undefined;
  }
  return { seen: record.seen, read: record.read };
}

const LISTING_HEADER = 'pixel feed listing 3';

/**
 * The last listing as read from disk: a header line with its time, then one line per post,
 * `key<TAB>link` (link empty when there is none). Plain lines rather than JSON: a piped
 * listing of 20,000 posts writes this file on every run.
 */
export function parseListing(
  text: string,
): Pick<ReaderState, 'lastListedAt' | 'lastListing'> | undefined {
  const lines = text.split('\n');
  const [header, at] = (lines[0] ?? '').split('\t');
  if (header !== LISTING_HEADER || !at) return undefined;
  const lastListing: ListedPost[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!line) continue;
    const tab = line.lastIndexOf('\t');
    if (tab < 0) return undefined;
    const link = line.slice(tab + 1);
    lastListing.push({ key: line.slice(0, tab), link: /^https?:\/\//.test(link) ? link : null });
  }
  return { lastListedAt: at, lastListing };
}

/** What is written for the marks and for the listing, in their compact disk form. */
export function marksToDisk(state: ReaderState) {
  return { version: 2, seen: state.seen, read: state.read };
}

export function listingToDisk(state: ReaderState): string {
  let text = `${LISTING_HEADER}\t${state.lastListedAt ?? ''}\n`;
  for (const post of state.lastListing) text += `${post.key}\t${post.link ?? ''}\n`;
  return text;
}

/**
 * Whether two listings in disk form number the same posts the same way: all but the header's
 * time. Listing the same posts again need not rewrite the file (its time stays that of the
 * listing that first showed them).
 */
export function sameListedPosts(a: string, b: string): boolean {
  const header = `${LISTING_HEADER}\t`;
  const bodyOf = (text: string) => text.slice(text.indexOf('\n') + 1);
  return a.startsWith(header) && b.startsWith(header) && bodyOf(a) === bodyOf(b);
}
