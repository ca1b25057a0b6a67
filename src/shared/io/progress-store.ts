import { join } from 'node:path';
import {
  emptyProgress,
  PROGRESS_VERSION,
  ProgressSchema,
  type Progress,
} from '../core/progress.js';
import { readJsonFile, writeJsonFile, type Warn } from './json-store.js';
import { withFileLock } from './file-lock.js';
import type { PixelPaths } from './paths.js';

export function progressFile(paths: PixelPaths): string {
  return join(paths.data, 'progress.json');
}

export async function loadProgress(paths: PixelPaths, warn: Warn): Promise<Progress> {
  return (
    (await readJsonFile(progressFile(paths), ProgressSchema, warn, new Date(), {
      key: 'version',
      supported: PROGRESS_VERSION,
    })) ?? emptyProgress()
  );
}

/**
 * Read, change and write the progress file under a lock, so two pixel processes finishing at
 * once (a test in one terminal, a submit in another) do not lose each other's update.
 */
export async function updateProgress(
  paths: PixelPaths,
  warn: Warn,
  change: (progress: Progress) => Progress,
): Promise<Progress> {
  const file = progressFile(paths);
  return withFileLock(file, async () => {
    const next = change(await loadProgress(paths, warn));
    await writeJsonFile(file, next);
    return next;
  });
}
