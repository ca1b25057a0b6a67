import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import * as z from 'zod/mini';
import { LanguageSchema, type Language } from '../../core/judge/problem-schema.js';
import { LANGUAGE_BY_EXTENSION } from './languages.js';
import { findWorkspaceRoot, readWorkspace, requireWorkspace } from './workspace.js';

/** The options that say what to judge, shared by `pixel test`, `submit` and `watch`. */
export const targetOptionsShape = {
  path: z.optional(z.string()),
  problem: z.optional(z.string()),
  lang: z.optional(LanguageSchema),
};

/** What to judge: a problem, a language and a solution file. */
export interface Target {
  problem: string;
  language: Language;
  solutionPath: string;
  workspaceRoot?: string;
}

/**
 * Resolves `pixel submit [PATH]` / `pixel test`: no PATH means the workspace around the current
 * folder; a folder means the workspace at or above it; a file is judged as it is, its problem
 * taken from --problem or from the workspace around it and its language from its extension.
 */
export async function resolveTarget(
  options: { path?: string; problem?: string; lang?: Language },
  cwd: string,
): Promise<Target> {
  if (!options.path) {
    const workspace = await requireWorkspace(cwd);
    return {
      problem: options.problem ?? workspace.marker.problem,
      language: options.lang ?? workspace.marker.language,
      solutionPath: join(workspace.root, workspace.marker.solution),
      workspaceRoot: workspace.root,
    };
  }
  const path = resolve(cwd, options.path);
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new UsageError(`no such file or folder: ${options.path}`, {
      hint: 'give a workspace folder or a solution file, or run it inside a workspace without PATH',
    });
  }
  if (info.isDirectory()) {
    const root = findWorkspaceRoot(path);
    if (!root) {
      throw new UsageError(`${options.path} is not a pixel workspace`, {
        hint: 'run `pixel solve gradient-descent` to make one, or pass a solution file',
      });
    }
    const workspace = await readWorkspace(root);
    return {
      problem: options.problem ?? workspace.marker.problem,
      language: options.lang ?? workspace.marker.language,
      solutionPath: join(root, workspace.marker.solution),
      workspaceRoot: root,
    };
  }
  const language = options.lang ?? LANGUAGE_BY_EXTENSION[extname(path).toLowerCase()];
  if (!language) {
    throw new UsageError(`cannot tell the language of ${options.path}`, {
      hint: 'use a .py, .js or .ts file, or pass --lang python|javascript|typescript',
    });
  }
  const root = findWorkspaceRoot(dirname(path));
  const marker = root ? (await readWorkspace(root)).marker : undefined;
  const problem = options.problem ?? marker?.problem;
  if (!problem) {
    throw new UsageError(`which problem is ${options.path} a solution to?`, {
      hint: 'pass --problem gradient-descent, or put the file in a workspace made by `pixel solve`',
    });
  }
  return { problem, language, solutionPath: path, ...(root ? { workspaceRoot: root } : {}) };
}
