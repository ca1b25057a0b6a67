/**
 * The reader's state on disk, in two files under the data folder, each written atomically
 * under one lock so two pixels at once cannot lose a mark:
 * - `feed-marks.json`: the keys of every post listed and of those read; written only when
 *   they change, and flushed to disk when posts are marked read;
 * - `feed-listing.tsv`: the last listing's numbered posts, rewritten by a text listing that
 *   numbers other posts than it holds, and not flushed (a power cut costs at most the numbers
 *   of one listing).
 * A file that fails validation is moved aside with a warning, as every state file is; one
 * that cannot be read leaves the marks off for this run.
 */
import { readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import {
  emptyReaderState,
  listingToDisk,
  marksToDisk,
  parseListing,
  parseMarks,
  sameListedPosts,
  type ReaderState,
} from '../core/reader-state.js';
import { writeFileAtomic } from '../../shared/io/atomic-write.js';
import { withFileLock } from '../../shared/io/file-lock.js';

export function readerStateFiles(context: Context) {
  return {
    marks: join(context.paths.data, 'feed-marks.json'),
    listing: join(context.paths.data, 'feed-listing.tsv'),
  };
}

/** What was read, and when the files were modified then (to skip re-reading them unchanged). */
interface Loaded {
  state: ReaderState;
  stamp: string;
  /** Whether the last listing was read too (only `read N` and `open N` need it). */
  withListing: boolean;
}

let lastLoaded: Loaded | undefined;

function stampOf(files: { marks: string; listing: string }): string {
  const at = (file: string) => {
    try {
      return String(statSync(file).mtimeMs);
    } catch {
      return '-';
    }
  };
  return `${at(files.marks)} ${at(files.listing)}`;
}

/** The file's text, or '' when it cannot be read (it is then written afresh). */
function readTextOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function readFile<T>(context: Context, file: string, parse: (text: string) => T | undefined) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code !== 'ENOENT') {
      context.warn(`cannot read ${file} (${code}); new and read marks are off`);
    }
    return undefined;
  }
  try {
    const parsed = parse(text);
    if (parsed) return parsed;
  } catch {
    // not JSON: moved aside below
  }
  const aside = `${file}.corrupt-${context.now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    context.warn(`${file} is not pixel's reader state; moved it to ${aside} and started afresh`);
  } catch {
    context.warn(`${file} is not pixel's reader state; new and read marks are off`);
  }
  return undefined;
}

function read(context: Context, withListing: boolean): Loaded {
  const files = readerStateFiles(context);
  const stamp = stampOf(files);
  const state = {
    ...emptyReaderState(),
    ...readFile(context, files.marks, (text) => parseMarks(JSON.parse(text))),
    ...(withListing ? readFile(context, files.listing, parseListing) : {}),
  };
  return { state, stamp, withListing };
}

/** The marks, and the last listing when asked for (a listing replaces it without reading it). */
export function loadReaderState(
  context: Context,
  options: { withListing?: boolean } = {},
): Promise<ReaderState> {
  lastLoaded = read(context, Boolean(options.withListing));
  return Promise.resolve(lastLoaded.state);
}

/**
 * Applies `change` to the state on disk and saves what changed. Under the lock the files are
 * read again only if another pixel wrote them since this one loaded them.
 */
export async function updateReaderState<T>(
  context: Context,
  change: (state: ReaderState) => T,
  options: { withListing?: boolean } = {},
): Promise<T> {
  const files = readerStateFiles(context);
  const withListing = Boolean(options.withListing);
  return withFileLock(files.marks, async () => {
    const reusable =
      lastLoaded && lastLoaded.stamp === stampOf(files) && (lastLoaded.withListing || !withListing);
    const current = reusable && lastLoaded ? lastLoaded.state : read(context, withListing).state;
    const before = { seen: current.seen, read: current.read, listing: current.lastListing };
    const result = change(current);
    if (current.seen !== before.seen || current.read !== before.read) {
      // Read marks are what the user did: flushed. Seen marks alone can be rebuilt.
      await writeFileAtomic(files.marks, JSON.stringify(marksToDisk(current)), {
        durable: current.read !== before.read,
      });
    }
    if (current.lastListing !== before.listing) {
      const text = listingToDisk(current);
      // A listing of the same posts as last time (a warm `pixel feed` run again) leaves the
      // file as it is: reading and comparing it costs a quarter of rewriting it.
      if (!sameListedPosts(readTextOrEmpty(files.listing), text)) {
        await writeFileAtomic(files.listing, text, { durable: false });
      }
    }
    lastLoaded = {
      state: current,
      stamp: stampOf(files),
      withListing: withListing || current.lastListing !== before.listing,
    };
    return result;
  });
}
