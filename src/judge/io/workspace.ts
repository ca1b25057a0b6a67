import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
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

export async function readWorkspace(root: string): Promise<Workspace> {
  const file = join(root, WORKSPACE_MARKER);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
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
export async function requireWorkspace(cwd: string): Promise<Workspace> {
  const root = findWorkspaceRoot(cwd);
  if (!root) {
    throw new UsageError('not inside a pixel workspace (no .pixel/workspace.json here or above)', {
      hint: 'run `pixel solve` to make one (the next exercise on the track), then cd into it',
    });
  }
  return readWorkspace(root);
}
