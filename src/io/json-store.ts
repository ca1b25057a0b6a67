import { readFileSync, renameSync } from 'node:fs';
import * as z from 'zod/mini';
import { writeFileAtomic } from './atomic-write.js';

export type Warn = (message: string) => void;

/**
 * Reads a JSON state file (synchronously: see atomic-write.ts for why) and validates it. A missing file gives `undefined`. A file that is not
 * JSON, or fails its schema, is moved aside as `<file>.corrupt-<time>` with a warning and also
 * gives `undefined`, so the command carries on with fresh state and nothing is silently lost.
 */
export async function readJsonFile<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  warn: Warn,
  now: Date = new Date(),
): Promise<T | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let problem: string;
  try {
    const result = schema.safeParse(JSON.parse(text));
    if (result.success) return result.data;
    problem = `does not match the expected shape (${z.prettifyError(result.error).split('\n')[0] ?? 'invalid'})`;
  } catch {
    problem = 'is not valid JSON';
  }
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  warn(`${path} ${problem}; moved it to ${aside} and started afresh`);
  return undefined;
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
