/**
 * The reader's state on disk: `<data>/feed-reader.json`, written atomically under a lock so two
 * pixels at once cannot lose a mark. A file that fails validation is moved aside with a
 * warning, as every state file is; one that cannot be read leaves the marks off for this run.
 * It is written compactly: it holds a key for every post ever listed.
 */
import { readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import {
  emptyReaderState,
  parseReaderState,
  type ReaderState,
} from '../../core/feed/reader-state.js';
import { writeFileAtomic } from '../atomic-write.js';
import { withFileLock } from '../file-lock.js';

export function readerStateFile(context: Context): string {
  return join(context.paths.data, 'feed-reader.json');
}

/** What was read, and the file's modification time then (to skip re-reading it unchanged). */
interface Loaded {
  state: ReaderState;
  mtimeMs: number | undefined;
}

let lastLoaded: Loaded | undefined;

function modifiedAt(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function read(context: Context): Loaded {
  const file = readerStateFile(context);
  const mtimeMs = modifiedAt(file);
  if (mtimeMs === undefined) return { state: emptyReaderState(), mtimeMs };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    context.warn(`cannot read ${file} (${code}); new and read marks are off`);
    return { state: emptyReaderState(), mtimeMs };
  }
  let state: ReaderState | undefined;
  try {
    state = parseReaderState(JSON.parse(text));
  } catch {
    state = undefined;
  }
  if (state) return { state, mtimeMs };
  const aside = `${file}.corrupt-${context.now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    context.warn(`${file} is not a reader state; moved it to ${aside} and started afresh`);
  } catch {
    context.warn(`${file} is not a reader state; new and read marks are off`);
  }
  return { state: emptyReaderState(), mtimeMs: undefined };
}

export async function loadReaderState(context: Context): Promise<ReaderState> {
  lastLoaded = read(context);
  return lastLoaded.state;
}

/**
 * Applies `change` to the state on disk and saves it. Under the lock the file is read again
 * only if another pixel wrote it since this one loaded it. `durable: false` skips the flush to
 * disk: for recording what a listing showed, on every listing, where a power cut costs at
 * most the "new" marks of one run; marking posts read is flushed.
 */
export async function updateReaderState<T>(
  context: Context,
  change: (state: ReaderState) => T,
  options: { durable?: boolean } = {},
): Promise<T> {
  const file = readerStateFile(context);
  return withFileLock(file, async () => {
    const unchanged = lastLoaded && lastLoaded.mtimeMs === modifiedAt(file);
    const state = unchanged && lastLoaded ? lastLoaded.state : read(context).state;
    const result = change(state);
    await writeFileAtomic(file, JSON.stringify(state), { durable: options.durable !== false });
    lastLoaded = { state, mtimeMs: modifiedAt(file) };
    return result;
  });
}
