import type { ChalkInstance } from 'chalk';
import { READING_WIDTH, type Lesson, type RelatedLesson } from '../core/lesson-model.js';
import { formatLessonFooter } from './learn-format.js';
import { formatQuickCheck } from './quiz-format.js';
import { renderLesson } from './render-lesson.js';

/**
 * A whole lesson page as `pixel learn <topic>` prints it: the lesson, its quick check, then
 * related lessons and the practice pointer, no wider than READING_WIDTH. Shared by the command
 * and the build, which pre-renders the plain page at the default width (PRERENDERED_WIDTH in
 * learn/core/lesson-model.ts), so piped output needs no rendering at all.
 */

export function renderLessonPage(
  lesson: Lesson,
  related: readonly RelatedLesson[],
  options: { width: number; chalk: ChalkInstance },
): string {
  // Long lines tire the eye: on a wide terminal the page keeps to a reading width.
  const page = { ...options, width: Math.min(options.width, READING_WIDTH) };
  return (
    renderLesson(lesson, page) +
    formatQuickCheck(lesson.meta, lesson.quiz, page) +
    formatLessonFooter({ related, problems: lesson.meta.problems }, page)
  );
}
