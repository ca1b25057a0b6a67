// Synchronous: one stat, and node:fs/promises costs ~1.7 ms to load on a judge's start.
import { statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import * as z from 'zod/mini';
import { LanguageSchema, type Language } from '../core/problem-schema.js';
import { LANGUAGE_BY_EXTENSION } from './runtimes.js';
import { findWorkspaceRoot, readWorkspace, requireWorkspace, type Workspace } from './workspace.js';

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
  /**
   * The workspace's own solution to its own problem: only these submissions count in progress
   * (a sample or a file judged with --problem is practice, not an attempt).
   */
  own: boolean;
}

/** A file's language must be the one asked for: running solution.ts as Python helps nobody. */
function checkLanguage(path: string, shown: string, language: Language | undefined): Language {
  const byExtension = LANGUAGE_BY_EXTENSION[extname(path).toLowerCase()];
  if (!byExtension) {
    throw new UsageError(`cannot tell the language of ${shown}`, {
      hint: 'judge a .py, .js or .ts file (.mjs and .mts work too)',
    });
  }
  if (language && language !== byExtension) {
    throw new UsageError(`${shown} is ${byExtension}, not ${language}`, {
      hint: `drop --lang, or judge a ${language} file`,
    });
  }
  return byExtension;
}

/** The workspace's own solution, which must stay inside the workspace and match --lang. */
function workspaceTarget(
  workspace: Workspace,
  options: { problem?: string; lang?: Language },
): Target {
  const { root, marker } = workspace;
  const solutionPath = resolve(root, marker.solution);
  const inside = relative(root, solutionPath);
  if (
    isAbsolute(marker.solution) ||
    inside.startsWith('..') ||
    inside === '' ||
    inside.startsWith(sep)
  ) {
    throw new UsageError(
      `the workspace marker in ${root} points outside the workspace (${marker.solution})`,
      {
        hint: 'run `pixel solve <problem> --force` in that folder to write a fresh marker',
      },
    );
  }
  if (options.lang && options.lang !== marker.language) {
    throw new UsageError(
      `this workspace is set up for ${marker.language} (${marker.solution}), not ${options.lang}`,
      {
        hint: `drop --lang, or make a ${options.lang} workspace: pixel solve ${marker.problem} --lang ${options.lang} --dir ${marker.problem}-${options.lang}`,
      },
    );
  }
  checkLanguage(solutionPath, marker.solution, marker.language);
  const problem = options.problem ?? marker.problem;
  return {
    problem,
    language: marker.language,
    solutionPath,
    workspaceRoot: root,
    own: problem === marker.problem,
  };
}

/**
 * Resolves `pixel submit [PATH]` / `pixel test`: no PATH means the workspace around the current
 * folder; a folder means the workspace at or above it; a file is judged as it is, its problem
 * taken from --problem or from the workspace around it and its language from its extension.
 */
export function resolveTarget(
  options: { path?: string; problem?: string; lang?: Language },
  cwd: string,
): Target {
  if (!options.path) return workspaceTarget(requireWorkspace(cwd), options);
  const path = resolve(cwd, options.path);
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) {
    throw new UsageError(`no such file or folder: ${options.path}`, {
      hint: 'give a workspace folder or a solution file, or run it inside a workspace without PATH',
    });
  }
  if (info.isDirectory()) {
    const root = findWorkspaceRoot(path);
    if (!root) {
      throw new UsageError(`${options.path} is not a pixel workspace`, {
        hint: 'run `pixel solve <problem>` to make one, or pass a solution file',
      });
    }
    return workspaceTarget(readWorkspace(root), options);
  }
  const language = checkLanguage(path, options.path, options.lang);
  const root = findWorkspaceRoot(dirname(path));
  const marker = root ? readWorkspace(root).marker : undefined;
  const problem = options.problem ?? marker?.problem;
  if (!problem) {
    throw new UsageError(`which problem is ${options.path} a solution to?`, {
      hint: 'pass --problem <id> (see `pixel problems`), or put the file in a workspace made by `pixel solve`',
    });
  }
  // The workspace's solution named by its path is still its own.
  const own =
    marker !== undefined &&
    root !== undefined &&
    problem === marker.problem &&
    resolve(root, marker.solution) === path;
  return {
    problem,
    language,
    solutionPath: path,
    ...(root ? { workspaceRoot: root } : {}),
    own,
  };
}
