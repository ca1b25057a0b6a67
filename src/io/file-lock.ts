import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock older than this is taken to be left by a crashed process. */
const STALE_AFTER_MS = 10_000;
const GIVE_UP_AFTER_MS = 5_000;

/**
 * Runs `work` while holding `<file>.lock`. mkdir is atomic on every local file system, so it
 * serves as the lock primitive without a native dependency.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await mkdir(dirname(file), { recursive: true });
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_AFTER_MS || Date.now() - started > GIVE_UP_AFTER_MS) {
        // Either a crashed holder or a wedged one; progress matters more than the lock.
        await rmdir(lock).catch(() => undefined);
        continue;
      }
      await sleep(Math.min(5 * 2 ** attempt, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}
