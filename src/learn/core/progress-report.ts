import type { LessonMeta } from './lesson-meta.js';
import { nextStep, type NextStep } from '../../shared/core/next-step.js';
import type { Progress, QuizProgress } from '../../shared/core/progress.js';

/** What `pixel progress` shows, as the text formatter reads it. */
export interface ProgressView {
  lessons: {
    read: number;
    total: number;
    items: ReadonlyArray<{
      id: string;
      title: string;
      read: boolean;
      timesRead: number;
      /** The lesson's quick check, when it was finished at least once. */
      quiz: {
        last: { score: number; total: number };
        best: { score: number; total: number };
      } | null;
    }>;
  };
  problems: {
    solved: number;
    attempted: number;
    items: ReadonlyArray<{
      id: string;
      attempts: number;
      solved: boolean;
      hintsRevealed: number;
      lastVerdict: string | null;
    }>;
  };
  next: NextStep | null;
}

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
