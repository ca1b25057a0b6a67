import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { UsageError } from '../../errors.js';

/** Source files larger than this are refused (ICPC's typical limit is 128 KiB). */
export const MAX_SOURCE_BYTES = 256 * 1024;
/** What a workspace may hold in source files, all together, before pixel refuses to copy it. */
const MAX_FILES = 200;
const MAX_TOTAL_BYTES = 4 * 2 ** 20;
const MAX_DEPTH = 4;
/** Files a solution may import: its own language's modules and data they read. */
const SOURCE_EXTENSIONS = new Set(['.py', '.js', '.mjs', '.cjs', '.ts', '.mts', '.json']);
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', 'venv', 'env', 'dist', 'build']);

export interface SourceFile {
  /** Path relative to the copied folder. */
  path: string;
  bytes: Buffer;
}

/**
 * Reads a file only if it is a regular file, and at most `limit` bytes of it: a /proc file or a
 * device reports size 0 and then streams, so the size check is on the bytes actually read.
 */
export function readCapped(path: string, limit: number): Buffer | 'too-large' | undefined {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return undefined;
    fd = openSync(path, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const count = readSync(fd, buffer, 0, buffer.length, null);
      if (count === 0) break;
      total += count;
      if (total > limit) return 'too-large';
      chunks.push(Buffer.from(buffer.subarray(0, count)));
    }
    return Buffer.concat(chunks);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The solution file itself, or a usage error that says what is wrong with it. */
export function readSolutionFile(path: string): Buffer {
  const bytes = readCapped(path, MAX_SOURCE_BYTES);
  if (bytes === 'too-large') {
    throw new UsageError(`${path} is larger than ${MAX_SOURCE_BYTES / 1024} KiB`, {
      hint: 'a solution to an exercise fits in a few dozen lines',
    });
  }
  if (!bytes) {
    throw new UsageError(`cannot read the solution file ${path}`, {
      hint: 'check the path, or run `pixel solve` again to get a fresh starter',
    });
  }
  return bytes;
}

/** A folder inside a workspace that belongs to tooling (a venv), not to the solution. */
function isToolFolder(path: string, name: string): boolean {
  if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) return true;
  try {
    return statSync(join(path, 'pyvenv.cfg')).isFile();
  } catch {
    return false;
  }
}

/**
 * What the sandbox gets to see of the learner's work: in a workspace, its source files (so a
 * solution may import a helper module beside it, as it would when run by hand); outside one,
 * the solution file alone. Hidden and tool folders are left out; too much is a usage error.
 */
export function collectSolutionFiles(solutionPath: string, workspaceRoot?: string): SourceFile[] {
  const solution = readSolutionFile(solutionPath);
  if (!workspaceRoot) return [{ path: basename(solutionPath), bytes: solution }];
  const files: SourceFile[] = [{ path: relative(workspaceRoot, solutionPath), bytes: solution }];
  let total = solution.length;
  // What is read, symlinks followed, must lie in the workspace: a link to pixel's package (its
  // references) or elsewhere would carry outside files into the sandbox.
  const realRoot = realpathSync(workspaceRoot);
  const inWorkspace = (path: string) => {
    try {
      const real = realpathSync(path);
      return real === realRoot || real.startsWith(`${realRoot}${sep}`);
    } catch {
      return false;
    }
  };
  const walk = (folder: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      if (path === solutionPath || !inWorkspace(path)) continue;
      let info;
      try {
        info = statSync(path);
      } catch {
        continue;
      }
      if (info.isDirectory()) {
        if (depth < MAX_DEPTH && !isToolFolder(path, name)) walk(path, depth + 1);
        continue;
      }
      if (!SOURCE_EXTENSIONS.has(extname(name).toLowerCase()) || name.startsWith('.')) continue;
      const bytes = readCapped(path, MAX_SOURCE_BYTES);
      if (!bytes || bytes === 'too-large') continue;
      total += bytes.length;
      files.push({ path: relative(workspaceRoot, path), bytes });
      if (files.length > MAX_FILES || total > MAX_TOTAL_BYTES) {
        throw new UsageError(
          `the workspace ${workspaceRoot} holds more source files than the judge copies (${MAX_FILES} files, ${MAX_TOTAL_BYTES / 2 ** 20} MiB)`,
          {
            hint: `keep the solution and its helpers in their own folder, or pass the file: pixel submit ${relative(process.cwd(), solutionPath)}`,
          },
        );
      }
    }
  };
  walk(workspaceRoot, 0);
  return files;
}
