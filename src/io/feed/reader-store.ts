/**
 * The reader's state on disk: `<data>/feed-reader.json`, written atomically under a lock so two
 * pixels at once cannot lose a mark. A file that fails validation is moved aside with a
 * warning, as every state file is; one that cannot be read leaves the marks off for this run.
 */
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { emptyReaderState, type ReaderState } from '../../core/feed/reader-state.js';
import { withFileLock } from '../file-lock.js';
import { readJsonFile, writeJsonFile } from '../json-store.js';

const readerStateSchema = z.object({
  version: z.literal(1),
  lastListedAt: z.optional(z.string()),
  seen: z.array(z.string()),
  read: z.array(z.string()),
  lastListing: z.array(
    z.object({ key: z.string(), title: z.string(), link: z.nullable(z.string()) }),
  ),
});

export function readerStateFile(context: Context): string {
  return join(context.paths.data, 'feed-reader.json');
}

export async function loadReaderState(context: Context): Promise<ReaderState> {
  try {
    return (
      (await readJsonFile(
        readerStateFile(context),
        readerStateSchema,
        context.warn,
        context.now(),
      )) ?? emptyReaderState()
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    context.warn(`cannot read ${readerStateFile(context)} (${code}); new and read marks are off`);
    return emptyReaderState();
  }
}

/** Applies `change` to the state on disk (re-read under the lock) and saves it. */
export async function updateReaderState<T>(
  context: Context,
  change: (state: ReaderState) => T,
): Promise<T> {
  const file = readerStateFile(context);
  return withFileLock(file, async () => {
    const state = await loadReaderState(context);
    const result = change(state);
    await writeJsonFile(file, state);
    return result;
  });
}
