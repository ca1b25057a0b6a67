import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A lock older than this is taken to be left by a crashed process. */
const STALE_AFTER_MS = 10_000;
const GIVE_UP_AFTER_MS = 5_000;

/** Waits without blocking, so a holder in this same process can finish its work. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lockAgeMs(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Runs `work` while holding `<file>.lock`. mkdir is atomic on every local file system, so it
 * serves as the lock primitive without a native dependency. The file system calls are
 * synchronous (see atomic-write.ts for why); waiting for a held lock is not.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockAgeMs(lock) > STALE_AFTER_MS || Date.now() - started > GIVE_UP_AFTER_MS) {
        // Either a crashed holder or a wedged one; progress matters more than the lock.
        try {
          rmdirSync(lock);
        } catch {
          // Someone else cleared it first.
        }
        continue;
      }
      await pause(Math.min(5 * 2 ** attempt, 100));
    }
  }
  try {
    return await work();
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // Already gone: a waiter judged it stale.
    }
  }
}
