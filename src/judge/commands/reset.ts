import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { writeFileAtomic } from '../../shared/io/atomic-write.js';
import { loadProblem } from '../io/problem-store.js';
import { resolveTarget } from '../io/target.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';
import { confirmStep, type Confirm } from '../../shared/commands/confirm-step.js';

export const resetOptionsSchema = z.object({
  path: z.optional(z.string()),
  yes: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
});
export type ResetOptions = z.infer<typeof resetOptionsSchema>;

export interface ResetResult {
  problem: string;
  /** The solution file now holding the starter. */
  file: string;
  /** Where the learner's file was copied first; null when there was nothing to keep. */
  backup: string | null;
  /** False when the learner said no, or the file already was the starter. */
  reset: boolean;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  return readFile(path).catch(() => undefined);
}

/**
 * `pixel reset`: the workspace's solution file goes back to the starter. The learner's file is
 * copied into .pixel/backup-<time>/ first, so a reset never loses work.
 */
export async function reset(
  options: ResetOptions,
  context: Context,
  dependencies: { confirm?: Confirm } = {},
): Promise<ResetResult> {
  const target = resolveTarget({ ...(options.path ? { path: options.path } : {}) }, context.cwd);
  const root = target.workspaceRoot ?? dirname(target.solutionPath);
  const { problem, dir } = loadProblem(target.problem);
  const fileName = problem.languages[target.language].file;
  const starter = await readFile(join(dir, 'starters', target.language, `${fileName}.tmpl`));
  const current = await readIfExists(target.solutionPath);
  const shown = relative(context.cwd, target.solutionPath) || target.solutionPath;
  const result: ResetResult = {
    problem: problem.id,
    file: target.solutionPath,
    backup: null,
    reset: false,
  };
  const say = (text: string) => {
    if (options.json) context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else context.stdout.write(`${text}\n`);
  };
  if (current?.equals(starter)) {
    say(`${shown} is already the starter: nothing to reset.`);
    return result;
  }
  const stamp = context.now().toISOString().replace(/[:.]/g, '-');
  const backupDir = join(root, '.pixel', `backup-${stamp}`);
  const backup = join(backupDir, relative(root, target.solutionPath));
  const go = await confirmStep(
    `Put the starter back in ${shown}? Your file is kept in ${relative(context.cwd, backupDir)}/`,
    { ...(options.yes === undefined ? {} : { yes: options.yes }), command: 'pixel reset' },
    context,
    dependencies.confirm,
  );
  if (!go) {
    say(`Nothing changed: ${shown} is as you left it.`);
    return result;
  }
  if (current !== undefined) {
    await mkdir(dirname(backup), { recursive: true });
    await copyFile(target.solutionPath, backup);
    result.backup = backup;
  }
  await writeFileAtomic(target.solutionPath, starter);
  result.reset = true;
  const chalk = await chalkFor(context.color);
  say(
    [
      `${chalk.bold(shown)} holds the ${problem.title} starter again.`,
      ...(result.backup ? [`Your file is kept as ${relative(context.cwd, result.backup)}`] : []),
      chalk.dim('next: `pixel test` runs the examples against it'),
    ].join('\n'),
  );
  return result;
}
