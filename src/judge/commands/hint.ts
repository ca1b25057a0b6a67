import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { recordHintsRevealed } from '../../shared/core/progress.js';
import { loadProblem } from '../io/problem-store.js';
import { findWorkspaceRoot, readWorkspace } from '../io/workspace.js';
import { loadProgress, updateProgress } from '../../shared/io/progress-store.js';
import { UsageError } from '../../errors.js';
import { wrapText } from '../ui/judge-format.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';

export const hintOptionsSchema = z.object({
  all: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
  problem: z.optional(z.string()),
});
export type HintOptions = z.infer<typeof hintOptionsSchema>;

export interface HintResult {
  problem: string;
  /** How many rungs of the ladder have been revealed, after this command. */
  revealed: number;
  total: number;
  /** The hints shown by this command (the new one, or all revealed ones with --all). */
  hints: Array<{ number: number; text: string }>;
}

/**
 * The hint ladder: each `pixel hint` reveals the next rung (from a nudge to near-code) and the
 * count is remembered in the progress file; `--all` shows the rungs already revealed.
 */
export async function hint(options: HintOptions, context: Context): Promise<HintResult> {
  let problemId = options.problem;
  if (!problemId) {
    const root = findWorkspaceRoot(context.cwd);
    if (!root) {
      throw new UsageError('not inside a pixel workspace, so which problem?', {
        hint: 'cd into the folder `pixel solve` made, or pass --problem <id> (see `pixel problems`)',
      });
    }
    problemId = readWorkspace(root).marker.problem;
  }
  const { problem } = loadProblem(problemId);
  const total = problem.hints.length;
  let revealed: number;
  let shown: number[];
  if (options.all) {
    revealed = Math.min(
      total,
      (await loadProgress(context.paths, context.warn)).problems[problem.id]?.hintsRevealed ?? 0,
    );
    shown = Array.from({ length: revealed }, (_, index) => index + 1);
  } else {
    let before = 0;
    const progress = await updateProgress(context.paths, context.warn, (current) => {
      before = current.problems[problem.id]?.hintsRevealed ?? 0;
      return recordHintsRevealed(current, problem.id, Math.min(total, before + 1));
    });
    revealed = Math.min(total, progress.problems[problem.id]?.hintsRevealed ?? 0);
    // At the top of the ladder, show the last rung again rather than nothing.
    shown = [revealed];
  }
  const result: HintResult = {
    problem: problem.id,
    revealed,
    total,
    hints: shown.map((number) => ({ number, text: problem.hints[number - 1] as string })),
  };
  if (options.json) {
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  const chalk = await chalkFor(context.color);
  const columns = context.stdout.columns;
  if (result.hints.length === 0) {
    context.stdout.write(
      `No hints revealed yet for ${problem.id}. Run \`pixel hint\` for the first one.\n`,
    );
    return result;
  }
  const blocks = result.hints.map(
    (entry) =>
      `${chalk.bold(`Hint ${entry.number} of ${total}`)} (${problem.id})\n${wrapText(entry.text, columns, '  ')}`,
  );
  const footer = options.all
    ? revealed < total
      ? `${total - revealed} more: run \`pixel hint\` for the next one.`
      : 'That is the whole ladder.'
    : revealed < total
      ? `Run \`pixel hint\` again for the next one (${total - revealed} left); \`pixel hint --all\` shows the ones you have seen.`
      : 'That was the last hint: `pixel hint --all` shows them all.';
  context.stdout.write(`${blocks.join('\n\n')}\n\n${chalk.dim(footer)}\n`);
  return result;
}
