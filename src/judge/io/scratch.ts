// Synchronous: a few calls on a small folder, each a round trip to libuv's thread pool when
// asynchronous.
import { accessSync, constants, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { SandboxKind } from './sandbox.js';

/**
 * Where a judging's scratch folder goes. The reduced sandbox's program works in it (its files,
 * HOME and TMPDIR), so that one goes where temporary files go. The full sandbox's holds only the
 * new root's skeleton and an fstab (the program writes to a tmpfs of its own), and making and
 * removing those few dozen entries on a disk costs ~7 ms (ext4 here: ~2 ms to make, ~5 to
 * remove; on tmpfs 0.5 and 0.6), so unless TMPDIR names a place it goes in memory: the user's
 * runtime folder (XDG_RUNTIME_DIR), else /dev/shm, else the temporary folder after all.
 */
export function scratchParent(kind: SandboxKind, env: NodeJS.ProcessEnv): string {
  if (kind === 'full' && !env.TMPDIR) {
    for (const candidate of [env.XDG_RUNTIME_DIR, '/dev/shm']) {
      if (candidate && isAbsolute(candidate) && writableFolder(candidate)) return candidate;
    }
  }
  return tmpdir();
}

function writableFolder(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A fresh scratch folder for one run, with its `root` (the new root) and `src` folders. */
export function makeScratch(kind: SandboxKind, env: NodeJS.ProcessEnv): string {
  const base = mkdtempSync(join(scratchParent(kind, env), 'pixel-judge-'));
  mkdirSync(join(base, 'root'));
  mkdirSync(join(base, 'src'));
  return base;
}
