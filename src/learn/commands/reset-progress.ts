import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { LessonMeta } from '../core/lesson-meta.js';
import { emptyProgress, forgetProgress, type Progress } from '../../shared/core/progress.js';
import { matchTopic } from '../../shared/core/topic-match.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import { listProblems } from '../../judge/io/problem-store.js';
import { loadProgress, progressFile, updateProgress } from '../../shared/io/progress-store.js';
import { confirmStep, type Confirm } from '../../shared/commands/confirm-step.js';

/** What `pixel progress --reset [what]` will forget, worked out before anything is asked. */
interface Plan {
  lesson?: LessonMeta;
  problem?: string;
}

function planFor(what: string, lessons: readonly LessonMeta[]): Plan {
  const lessonMatch = matchTopic(what, lessons);
  const problems = listProblems().map((problem) => ({
    id: problem.id,
    aliases: problem.aliases ?? [],
  }));
  const problemMatch = matchTopic(what, problems);
  const plan: Plan = {
    ...(lessonMatch.found ? { lesson: lessonMatch.topic } : {}),
    ...(problemMatch.found ? { problem: problemMatch.topic.id } : {}),
  };
  if (plan.lesson || plan.problem) return plan;
  const close = [
    ...(lessonMatch.found ? [] : lessonMatch.suggestions.map((topic) => topic.id)),
    ...(problemMatch.found ? [] : problemMatch.suggestions.map((topic) => topic.id)),
  ];
  throw new UsageError(
    `no lesson or problem called "${sanitizeText(what, { singleLine: true })}"`,
    {
      hint:
        close.length > 0
          ? `did you mean ${[...new Set(close)].slice(0, 3).join(' or ')}?`
          : '`pixel learn` and `pixel problems` list them; --reset alone forgets everything',
    },
  );
}

function describe(plan: Plan | undefined): string {
  if (!plan)
    return 'all your progress (lessons read, quiz scores, attempts, solved problems, hints)';
  const parts = [
    ...(plan.lesson ? [`the lesson ${plan.lesson.id} (read and quiz score)`] : []),
    ...(plan.problem ? [`the problem ${plan.problem} (attempts, solved, hints)`] : []),
  ];
  return parts.join(' and ');
}

/**
 * `pixel progress --reset [lesson or problem]`: forgets everything, or one lesson (read record
 * and quiz score) and/or one problem (attempts, solved, hints). The whole file is copied aside
 * first, so a reset made by mistake can be undone by copying it back.
 */
export async function resetProgress(
  options: { what: string | undefined; yes: boolean },
  lessons: readonly LessonMeta[],
  context: Context,
  confirm?: Confirm,
): Promise<string> {
  const plan = options.what === undefined ? undefined : planFor(options.what, lessons);
  const current = await loadProgress(context.paths, context.warn);
  const target = describe(plan);
  const go = await confirmStep(
    `Forget ${target}?`,
    {
      yes: options.yes,
      command: `pixel progress --reset${options.what ? ` ${options.what}` : ''}`,
    },
    context,
    confirm,
  );
  if (!go) return 'Nothing was reset.';
  const file = progressFile(context.paths);
  const stamp = context.now().toISOString().replace(/[:.]/g, '-');
  const backup = join(dirname(file), `progress.backup-${stamp}.json`);
  const hadFile = await copyFile(file, backup).then(
    () => true,
    () => false,
  );
  let forgotten = true;
  await updateProgress(context.paths, context.warn, (progress: Progress) => {
    if (!plan) return emptyProgress();
    const result = forgetProgress(progress, {
      ...(plan.lesson ? { lesson: plan.lesson.id } : {}),
      ...(plan.problem ? { problem: plan.problem } : {}),
    });
    forgotten = Object.values(result.forgotten).some(Boolean);
    return result.progress;
  });
  const empty =
    Object.keys(current.lessons).length === 0 && Object.keys(current.problems).length === 0;
  const note = !forgotten || (!plan && empty) ? ' (there was nothing recorded)' : '';
  return `Forgot ${target}${note}.${hadFile ? `\nThe previous progress file is kept as ${backup}` : ''}`;
}
