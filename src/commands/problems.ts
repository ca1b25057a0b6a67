import * as z from 'zod/mini';
import type { Context } from '../context.js';
import { listProblemIds, loadProblem } from '../io/judge/problem-store.js';
import { loadProgress } from '../io/progress-store.js';
import { createChalk } from '../ui/theme.js';

export const problemsOptionsSchema = z.object({
  json: z.optional(z.boolean()),
});
export type ProblemsOptions = z.infer<typeof problemsOptionsSchema>;

export interface ProblemSummary {
  id: string;
  title: string;
  difficulty: string;
  summary: string;
  attempts: number;
  solved: boolean;
}

/** Lists the exercises with the learner's standing on each (attempts, solved). */
export async function problems(
  options: ProblemsOptions,
  context: Context,
): Promise<ProblemSummary[]> {
  const progress = await loadProgress(context.paths, context.warn);
  const list = listProblemIds().map((id): ProblemSummary => {
    const { problem } = loadProblem(id);
    const entry = progress.problems[id];
    return {
      id,
      title: problem.title,
      difficulty: problem.difficulty,
      summary: problem.summary,
      attempts: entry?.attempts ?? 0,
      solved: Boolean(entry?.solvedAt),
    };
  });
  if (options.json) {
    context.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return list;
  }
  const chalk = createChalk(context.color);
  const lines = list.map((item) => {
    const status = item.solved
      ? chalk.green('solved')
      : item.attempts > 0
        ? chalk.yellow(`${item.attempts} attempt${item.attempts === 1 ? '' : 's'}`)
        : chalk.dim('not started');
    return `  ${chalk.bold(item.id)}  ${item.title} (${item.difficulty}) · ${status}\n    ${chalk.dim(item.summary)}`;
  });
  context.stdout.write(
    `${lines.join('\n')}\n\nStart one with \`pixel solve <id>\` (add --lang javascript or typescript).\n`,
  );
  return list;
}
