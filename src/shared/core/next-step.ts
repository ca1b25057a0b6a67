import type { LessonMeta } from '../../learn/core/lesson-meta.js';
import type { Progress } from './progress.js';

/** What the learner could do next, as a command to type and the reason for it. */
export interface NextStep {
  command: string;
  reason: string;
}

/**
 * Walks the curriculum in order: the first lesson not yet read, or the first problem of a read
 * lesson not yet solved, whichever comes first. Undefined when everything is done.
 */
export function nextStep(
  lessons: readonly LessonMeta[],
  progress: Progress,
  availableProblems?: ReadonlySet<string>,
): NextStep | undefined {
  for (const lesson of lessons) {
    if (!progress.lessons[lesson.id]) {
      return { command: `pixel learn ${lesson.id}`, reason: `read "${lesson.title}"` };
    }
    for (const problem of lesson.problems) {
      if (availableProblems && !availableProblems.has(problem)) continue;
      if (progress.problems[problem]?.solvedAt === undefined) {
        const started = (progress.problems[problem]?.attempts ?? 0) > 0;
        return {
          command: `pixel solve ${problem}`,
          reason: started
            ? `${problem} is not solved yet`
            : `practise "${lesson.title}" on the ${problem} problem`,
        };
      }
    }
  }
  return undefined;
}
