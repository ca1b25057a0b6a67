// Synchronous: one small file, and node:fs/promises costs ~1.7 ms to load on a judge's start.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import {
  WORKSPACE_MARKER,
  WorkspaceMarkerSchema,
  type WorkspaceMarker,
} from '../core/workspace-schema.js';

export interface Workspace {
  root: string;
  marker: WorkspaceMarker;
}

/** The workspace folder around `start`: the nearest ancestor holding .pixel/workspace.json. */
export function findWorkspaceRoot(start: string): string | undefined {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(join(folder, WORKSPACE_MARKER))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export function readWorkspace(root: string): Workspace {
  const file = join(root, WORKSPACE_MARKER);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`, {
      hint: 'run `pixel solve <problem> --force` in that folder to write a fresh marker',
    });
  }
  const result = WorkspaceMarkerSchema.safeParse(raw);
  if (!result.success) {
    throw new UsageError(`${file} is not a valid workspace marker`, {
      hint: 'run `pixel solve <problem> --force` in that folder to write a fresh marker',
    });
  }
  return { root, marker: result.data };
}

/** The workspace around `cwd`, or a usage error that says how to make one. */
export function requireWorkspace(cwd: string): Workspace {
  const root = findWorkspaceRoot(cwd);
  if (!root) {
    throw new UsageError('not inside a pixel workspace (no .pixel/workspace.json here or above)', {
      hint: 'run `pixel solve` to make one (the next exercise on the track), then cd into it',
    });
  }
  return readWorkspace(root);
}
