import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * write a temporary file beside the target, flush it to disk, then rename it over the target.
 * A crash or a full disk leaves the old file untouched.
 */
/** Makes temporary names unique within this process; the pid separates processes. */
let counter = 0;

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Not crypto-random on purpose: loading node:crypto costs ~6 ms of every command's start-up,
  // and pid + time + counter is already unique among the processes writing this file.
  const temporary = `${path}.tmp-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  try {
    const handle = await open(temporary, 'w', 0o644);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
