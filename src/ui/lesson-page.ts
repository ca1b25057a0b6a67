import type { ChalkInstance } from 'chalk';
import type { Lesson, RelatedLesson } from '../core/lesson-model.js';
import { formatLessonFooter } from './learn-format.js';
import { renderLesson } from './render-lesson.js';

/**
 * A whole lesson page as `pixel learn <topic>` prints it: the lesson, then related lessons and
 * the practice pointer. Shared by the command and the build, which pre-renders the plain page
 * at the default width (PRERENDERED_WIDTH in core/lesson-model.ts), so piped output needs no
 * rendering at all.
 */

export function renderLessonPage(
  lesson: Lesson,
  related: readonly RelatedLesson[],
  options: { width: number; chalk: ChalkInstance },
): string {
  return (
    renderLesson(lesson, options) +
    formatLessonFooter({ related, problems: lesson.meta.problems }, options)
  );
}
