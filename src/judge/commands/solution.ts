import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { EnvironmentError, UsageError } from '../../errors.js';
import { READING_WIDTH, type Block } from '../../learn/core/lesson-model.js';
import { LanguageSchema, LANGUAGES, type Language } from '../core/problem-schema.js';
import { SOLUTION_FILES, solutionFileName } from '../core/solutions.js';
import { loadProblemInfo, resolveProblemId } from '../io/problem-store.js';
import { findWorkspaceRoot, readWorkspace } from '../io/workspace.js';
import { packageRoot } from '../../shared/io/package-root.js';
import { pageIfTall } from '../../shared/io/pager.js';
import { loadProgress } from '../../shared/io/progress-store.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';
import { renderBlocksToText } from '../../learn/ui/render-lesson.js';

export const solutionOptionsSchema = z.object({
  problem: z.optional(z.string()),
  lang: z.optional(LanguageSchema),
  json: z.optional(z.boolean()),
  pager: z.optional(z.boolean()),
});
export type SolutionOptions = z.infer<typeof solutionOptionsSchema>;

export interface SolutionResult {
  problem: string;
  language: Language;
  files: Array<{ name: string; code: string }>;
  notes: string;
}

/** The problem and language meant: the workspace's, unless named. */
function chosen(options: SolutionOptions, cwd: string): { id: string; language: Language } {
  const root = findWorkspaceRoot(cwd);
  const marker = root ? readWorkspace(root).marker : undefined;
  const query = options.problem ?? marker?.problem;
  if (!query) {
    throw new UsageError('which problem?', {
      hint: 'run it inside the workspace `pixel solve` made, or name one: pixel solution <problem>',
    });
  }
  const id = resolveProblemId(query);
  return { id, language: options.lang ?? (marker?.problem === id ? marker.language : 'python') };
}

/**
 * `pixel solution`: once the learner's own solution is accepted, the reference in their
 * language (plain, and vectorised where the language has it), highlighted, with the problem's
 * note on how they compare. Before that it refuses and says why.
 */
export async function solution(
  options: SolutionOptions,
  context: Context,
): Promise<SolutionResult> {
  const { id, language } = chosen(options, context.cwd);
  const { problem, dir } = loadProblemInfo(id);
  const progress = await loadProgress(context.paths, context.warn);
  const record = progress.problems[id];
  if (record?.solvedAt === undefined) {
    const tried = record && record.attempts > 0;
    throw new UsageError(
      `the reference solution to ${id} opens once your own is accepted${tried ? ` (${record.attempts} attempt${record.attempts === 1 ? '' : 's'} so far)` : ''}`,
      {
        hint: tried
          ? '`pixel hint` gives the next hint; `pixel submit` judges your solution again'
          : '`pixel submit` in your workspace judges it (`pixel solve` makes one)',
      },
    );
  }
  const folder = join(dir, 'solutions');
  if (!existsSync(join(folder, 'notes.md'))) {
    throw new UsageError(`${id} ships no reference solutions yet`, {
      hint: '`pixel problems` shows what to try next',
    });
  }
  const files = SOLUTION_FILES.flatMap((form) => {
    const name = solutionFileName(form, language);
    const path = name ? join(folder, name) : undefined;
    return name && path && existsSync(path) ? [{ name, code: readFileSync(path, 'utf8') }] : [];
  });
  const notes = readFileSync(join(folder, 'notes.md'), 'utf8');
  const result: SolutionResult = { problem: id, language, files, notes };
  if (options.json) {
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  let blocks: Block[];
  try {
    blocks = JSON.parse(
      readFileSync(join(packageRoot(), 'dist', 'solutions', id, `${language}.json`), 'utf8'),
    ) as Block[];
  } catch (error) {
    throw new EnvironmentError('the solutions are missing or out of date in this install', {
      hint: 'run `npm run build` in the pixel folder (or reinstall pixel)',
      cause: error,
    });
  }
  const chalk = await chalkFor(context.color);
  const width = Math.min(READING_WIDTH, Math.max(20, context.stdout.columns));
  const others = LANGUAGES.filter((other) => other !== language).join('|');
  const text =
    `${chalk.bold(`${problem.title}: the reference in ${language}`)}\n\n` +
    renderBlocksToText(blocks, { width, chalk }) +
    `\n${chalk.dim(`Other languages: pixel solution ${id} --lang ${others}`)}\n`;
  const paged = await pageIfTall(text, {
    stdout: context.stdout,
    pager: options.pager,
    env: context.env,
  });
  if (!paged) context.stdout.write(text);
  return result;
}
