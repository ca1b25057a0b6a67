import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { nextUnsolved, trackStanding, type TrackEntry } from '../core/track.js';
import { listProblems } from '../io/problem-store.js';
import { loadProgress } from '../../shared/io/progress-store.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';

export const problemsOptionsSchema = z.object({
  json: z.optional(z.boolean()),
});
export type ProblemsOptions = z.infer<typeof problemsOptionsSchema>;

export interface ProblemsResult {
  problems: TrackEntry[];
  /** The next step on the track, or null once every problem is solved. */
  next: { command: string; reason: string } | null;
}

/** The exercise track in order, with the learner's standing on each and what to do next. */
export async function problems(
  options: ProblemsOptions,
  context: Context,
): Promise<ProblemsResult> {
  const progress = await loadProgress(context.paths, context.warn);
  const track = trackStanding(listProblems(), progress);
  const upcoming = nextUnsolved(track);
  const result: ProblemsResult = {
    problems: track,
    next: upcoming
      ? {
          command: `pixel solve ${upcoming.id}`,
          reason: upcoming.attempts > 0 ? 'you have started it' : 'the next one on the track',
        }
      : null,
  };
  if (options.json) {
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  const chalk = await chalkFor(context.color);
  const width = Math.max(...track.map((entry) => entry.id.length));
  const lines = track.map((entry, index) => {
    const mark = entry.solved ? chalk.green('✓') : ' ';
    const status = entry.solved
      ? chalk.green('solved')
      : entry.attempts > 0
        ? chalk.yellow(`${entry.attempts} attempt${entry.attempts === 1 ? '' : 's'}`)
        : chalk.dim('not started');
    return [
      `${mark} ${String(index + 1).padStart(2)}. ${chalk.bold(entry.id.padEnd(width))}  ${entry.difficulty.padEnd(6)}  ${status}`,
      `       ${entry.title} ${chalk.dim(`· lesson: pixel learn ${entry.lesson}`)}`,
      `       ${chalk.dim(entry.summary)}`,
    ].join('\n');
  });
  const solved = track.filter((entry) => entry.solved).length;
  const footer = result.next
    ? `next: ${chalk.bold(result.next.command)} (${result.next.reason}); add --lang javascript or typescript`
    : chalk.green('Every exercise on the track is solved. Well done!');
  context.stdout.write(`${lines.join('\n')}\n\n${solved}/${track.length} solved · ${footer}\n`);
  return result;
}
