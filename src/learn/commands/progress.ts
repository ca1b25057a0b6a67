import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { builtLessons, type LessonSource } from '../io/lessons.js';
import { loadProgress } from '../../shared/io/progress-store.js';
import type { Confirm } from '../../shared/commands/confirm-step.js';
import { formatProgress } from '../ui/learn-format.js';
import { progressReport, type ProgressReport } from '../core/progress-report.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';

export const progressOptionsSchema = z.object({
  json: z.optional(z.boolean()),
  /** true: forget everything; a string: one lesson or problem (id or alias). */
  reset: z.optional(z.union([z.boolean(), z.string().check(z.minLength(1))])),
  yes: z.optional(z.boolean()),
});
export type ProgressOptions = z.infer<typeof progressOptionsSchema>;

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
