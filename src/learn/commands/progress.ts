import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { LessonMeta } from '../core/lesson-meta.js';
import { nextStep } from '../../shared/core/next-step.js';
import type { Progress, QuizProgress } from '../../shared/core/progress.js';
import { builtLessons, type LessonSource } from '../io/lessons.js';
import { loadProgress } from '../../shared/io/progress-store.js';
import type { Confirm } from '../../shared/commands/confirm-step.js';
import { formatProgress, type ProgressView } from '../ui/learn-format.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';

export const progressOptionsSchema = z.object({
  json: z.optional(z.boolean()),
  /** true: forget everything; a string: one lesson or problem (id or alias). */
  reset: z.optional(z.union([z.boolean(), z.string().check(z.minLength(1))])),
  yes: z.optional(z.boolean()),
});
export type ProgressOptions = z.infer<typeof progressOptionsSchema>;

/**
 * `pixel progress --json` prints this shape (stable):
 * - lessons: { read, total, items: [{ id, title, read, timesRead, firstReadAt, lastReadAt,
 *   quiz }] } in curriculum order; the dates are ISO 8601 or null when not read; quiz is
 *   { attempts, last: { score, total, at }, best: { score, total, at } } or null when the
 *   lesson's quick check was never finished;
 * - problems: { solved, attempted, items: [{ id, attempts, solved, solvedAt, hintsRevealed,
 *   lastVerdict }] } for every problem with a recorded attempt or hint, by id;
 * - next: { command, reason } or null when everything is read and solved.
 */
export interface ProgressReport extends ProgressView {
  lessons: ProgressView['lessons'] & {
    items: Array<
      ProgressView['lessons']['items'][number] & {
        firstReadAt: string | null;
        lastReadAt: string | null;
        quiz: QuizProgress | null;
      }
    >;
  };
  problems: ProgressView['problems'] & {
    items: Array<ProgressView['problems']['items'][number] & { solvedAt: string | null }>;
  };
}

/** Pure: the report from the lessons and the progress file. */
export function progressReport(lessons: readonly LessonMeta[], progress: Progress): ProgressReport {
  const lessonItems = lessons.map((meta) => {
    const record = progress.lessons[meta.id];
    return {
      id: meta.id,
      title: meta.title,
      read: record !== undefined,
      timesRead: record?.timesRead ?? 0,
      firstReadAt: record?.firstReadAt ?? null,
      lastReadAt: record?.lastReadAt ?? null,
      quiz: progress.quizzes?.[meta.id] ?? null,
    };
  });
  const problemItems = Object.entries(progress.problems)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, record]) => ({
      id,
      attempts: record.attempts,
      solved: record.solvedAt !== undefined,
      solvedAt: record.solvedAt ?? null,
      hintsRevealed: record.hintsRevealed,
      lastVerdict: record.submissions.at(-1)?.verdict ?? null,
    }));
  return {
    lessons: {
      read: lessonItems.filter((item) => item.read).length,
      total: lessonItems.length,
      items: lessonItems,
    },
    problems: {
      solved: problemItems.filter((item) => item.solved).length,
      attempted: problemItems.filter((item) => item.attempts > 0).length,
      items: problemItems,
    },
    next: nextStep(lessons, progress) ?? null,
  };
}

export async function progress(
  options: ProgressOptions,
  context: Context,
  dependencies: { lessons?: LessonSource; confirm?: Confirm } = {},
): Promise<ProgressReport> {
  const source = dependencies.lessons ?? builtLessons();
  const { lessons } = await source.index();
  if (options.reset !== undefined && options.reset !== false) {
    const { resetProgress } = await import('./reset-progress.js');
    const said = await resetProgress(
      { what: options.reset === true ? undefined : options.reset, yes: options.yes === true },
      lessons,
      context,
      dependencies.confirm,
    );
    // Text says what was forgotten; --json prints the report as it now stands.
    if (!options.json) {
      context.stdout.write(`${said}\n`);
      return progressReport(lessons, await loadProgress(context.paths, context.warn));
    }
  } else if (options.yes) {
    throw new UsageError('--yes goes with --reset', {
      hint: 'pixel progress --reset [lesson or problem] --yes',
    });
  }
  const report = progressReport(lessons, await loadProgress(context.paths, context.warn));
  if (options.json) context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const chalk = await chalkFor(context.color);
    context.stdout.write(
      formatProgress(report, { width: Math.max(20, context.stdout.columns), chalk }),
    );
  }
  return report;
}
