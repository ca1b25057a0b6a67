import { readFileSync, renameSync } from 'node:fs';
import type * as z from 'zod/mini';
import { EnvironmentError } from '../../errors.js';
import {
  newerFormatMessage,
  newerFormatVersion,
  UPDATE_PIXEL_HINT,
} from '../core/format-version.js';
import { issueLines } from '../core/zod-issues.js';
import { writeFileAtomic } from './atomic-write.js';

export type Warn = (message: string) => void;

/**
 * Reads a JSON state file (synchronously: see atomic-write.ts for why) and validates it. A missing file gives `undefined`. A file that is not
 * JSON, or fails its schema, is moved aside as `<file>.corrupt-<time>` with a warning and also
 * gives `undefined`, so the command carries on with fresh state and nothing is silently lost.
 * A file written by a newer pixel (its `version.key` above `version.supported`) is left as it is
 * and the command stops, asking for an update: moving it aside would lose the learner's state.
 */
export function readJsonFile<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  warn: Warn,
  now: Date = new Date(),
  version?: { key: string; supported: number },
): Promise<T | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve(undefined);
    throw error;
  }
  let raw: unknown;
  let problem: string;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const newer = version && newerFormatVersion(raw, version.supported, version.key);
  if (version && newer !== undefined) {
    throw new EnvironmentError(newerFormatMessage(path, newer, version.supported), {
      hint: UPDATE_PIXEL_HINT,
    });
  }
  if (raw === undefined) problem = 'is not valid JSON';
  else {
    const result = schema.safeParse(raw, { reportInput: true });
    if (result.success) return Promise.resolve(result.data);
    problem = `does not match the expected shape (${issueLines(result.error)[0] ?? 'invalid'})`;
  }
  const aside = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  warn(`${path} ${problem}; moved it to ${aside} and started afresh`);
  return Promise.resolve(undefined);
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
