import { readdirSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes a folder and everything in it, symbolic links as links. A judging's scratch folder is
 * a few dozen entries whose types readdir already gives, so one call per entry does; node's
 * `rmSync(recursive)` tries every folder before reading it, stats every entry and loads its own
 * module first (~3.5 ms against ~0.5 ms for a sandbox's skeleton). Whatever this cannot remove
 * (a folder the program made unreadable) is left to rmSync.
 */
export function removeTree(folder: string): void {
  try {
    removeContents(folder);
    rmdirSync(folder);
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

function removeContents(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      removeContents(path);
      rmdirSync(path);
    } else {
      unlinkSync(path);
    }
  }
}
