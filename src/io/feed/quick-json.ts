/**
 * Reading a small JSON file on the hot path of a warm `pixel feed`: one synchronous read and a
 * schema check, without loading the shared json-store (which pulls in node:crypto and
 * node:timers/promises for its writes and locks; about 15 internal modules that a listing
 * never needs). Anything unusual defers to readJsonFile, which reports a corrupt file and
 * moves it aside with a warning, exactly as everywhere else in pixel.
 */
import { readFileSync } from 'node:fs';
import type * as z from 'zod/mini';
import type { Warn } from '../json-store.js';

export async function readJsonChecked<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  warn: Warn,
  now: Date,
): Promise<T | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    text = '';
  }
  if (text) {
    try {
      const result = schema.safeParse(JSON.parse(text));
      if (result.success) return result.data;
    } catch {
      // not JSON: readJsonFile below says so and moves it aside
    }
  }
  const { readJsonFile } = await import('../json-store.js');
  return readJsonFile(path, schema, warn, now);
}
