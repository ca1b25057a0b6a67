import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Makes temporary names unique within this process; the pid separates processes. */
let counter = 0;

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * write a temporary file beside the target, flush it to disk, then rename it over the target.
 * A crash or a full disk leaves the old file untouched.
 *
 * Synchronous on purpose: state files are a few kilobytes, and node:fs is loaded at start-up
 * anyway while node:fs/promises costs ~4 ms to load on every command that records progress.
 */
export interface AtomicWriteOptions {
  /**
   * Flush to disk before the rename (default). Off only for what can be fetched again, such as
   * the feed cache: still atomic, but after a power cut the file may fail validation, and is
   * then moved aside like any corrupt file.
   */
  durable?: boolean;
}

export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  writeFileAtomicSync(path, content, options);
  return Promise.resolve();
}

export function writeFileAtomicSync(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  mkdirSync(dirname(path), { recursive: true });
  // Not crypto-random on purpose: loading node:crypto costs ~6 ms of start-up, and
  // pid + time + counter is already unique among the processes writing this file.
  const temporary = `${path}.tmp-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  try {
    const fd = openSync(temporary, 'w', 0o644);
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
