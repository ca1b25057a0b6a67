import * as z from 'zod/mini';

/**
 * The learner's progress: one small, human-readable JSON file that can be copied between
 * machines. Every field is documented where it is defined; `version` lets a later pixel migrate.
 */

// One instance of each field type, shared by every field: zod schemas are immutable, and each
// instance costs start-up to build (this file's schemas are built by every `pixel learn`).
const text = z.string();
const count = z.number();

export const LessonProgressSchema = z.object({
  /** When the lesson was first opened (ISO 8601). */
  firstReadAt: text,
  /** When it was last opened (ISO 8601). */
  lastReadAt: text,
  /** How many times it was opened. */
  timesRead: count,
});

export const SubmissionRecordSchema = z.object({
  /** When the submission was judged (ISO 8601). */
  at: text,
  language: text,
  verdict: text,
  passed: count,
  total: count,
});

export const ProblemProgressSchema = z.object({
  /** Number of `pixel submit` runs. */
  attempts: count,
  /** When the first accepted submission was judged (ISO 8601). */
  solvedAt: z.optional(text),
  /** How many rungs of the hint ladder have been revealed. */
  hintsRevealed: count,
  /** The most recent submissions, newest last (capped). */
  submissions: z.array(SubmissionRecordSchema),
});

/** The progress file's format; a newer one makes pixel ask to be updated (core/format-version). */
export const PROGRESS_VERSION = 1;

export const QuizScoreSchema = z.object({
  /** Questions answered right. */
  score: count,
  /** Questions asked. */
  total: count,
  /** When the quiz was finished (ISO 8601). */
  at: text,
});

export const QuizProgressSchema = z.object({
  /** How many times the lesson's quiz was taken to the end. */
  attempts: count,
  /** The best attempt by share of right answers (the earlier one on a tie). */
  best: QuizScoreSchema,
  /** The most recent attempt. */
  last: QuizScoreSchema,
});

export const ProgressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(text, LessonProgressSchema),
  problems: z.record(text, ProblemProgressSchema),
  /** Quick-check scores by lesson id; absent in files written before quizzes existed. */
  quizzes: z.optional(z.record(text, QuizProgressSchema)),
});

export type Progress = z.infer<typeof ProgressSchema>;
export type ProblemProgress = z.infer<typeof ProblemProgressSchema>;
export type SubmissionRecord = z.infer<typeof SubmissionRecordSchema>;
export type QuizScore = z.infer<typeof QuizScoreSchema>;
export type QuizProgress = z.infer<typeof QuizProgressSchema>;

/** How many submissions per problem are kept; older ones only count in `attempts`. */
export const KEPT_SUBMISSIONS = 50;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, problems: {} };
}

export function recordLessonRead(progress: Progress, lessonId: string, at: Date): Progress {
  const previous = progress.lessons[lessonId];
  const iso = at.toISOString();
  return {
    ...progress,
    lessons: {
      ...progress.lessons,
      [lessonId]: {
        firstReadAt: previous?.firstReadAt ?? iso,
        lastReadAt: iso,
        timesRead: (previous?.timesRead ?? 0) + 1,
      },
    },
  };
}

function problemEntry(progress: Progress, problemId: string): ProblemProgress {
  return progress.problems[problemId] ?? { attempts: 0, hintsRevealed: 0, submissions: [] };
}

export function recordSubmission(
  progress: Progress,
  problemId: string,
  submission: SubmissionRecord,
): Progress {
  const previous = problemEntry(progress, problemId);
  const accepted = submission.verdict === 'accepted';
  return {
    ...progress,
    problems: {
      ...progress.problems,
      [problemId]: {
        ...previous,
        attempts: previous.attempts + 1,
        solvedAt: previous.solvedAt ?? (accepted ? submission.at : undefined),
        submissions: [...previous.submissions, submission].slice(-KEPT_SUBMISSIONS),
      },
    },
  };
}

/** Records that the hint ladder of a problem has been climbed to `revealed` rungs (never down). */
export function recordHintsRevealed(
  progress: Progress,
  problemId: string,
  revealed: number,
): Progress {
  const previous = problemEntry(progress, problemId);
  return {
    ...progress,
    problems: {
      ...progress.problems,
      [problemId]: { ...previous, hintsRevealed: Math.max(previous.hintsRevealed, revealed) },
    },
  };
}

/** Records a finished quiz: one more attempt, the latest score, and the best so far. */
export function recordQuizScore(progress: Progress, lessonId: string, score: QuizScore): Progress {
  const previous = progress.quizzes?.[lessonId];
  const share = (entry: QuizScore) => (entry.total === 0 ? 0 : entry.score / entry.total);
  const best = previous && share(previous.best) >= share(score) ? previous.best : score;
  return {
    ...progress,
    quizzes: {
      ...progress.quizzes,
      [lessonId]: { attempts: (previous?.attempts ?? 0) + 1, best, last: score },
    },
  };
}

/** What a reset of one lesson or problem forgot: the read record, quiz score or submissions. */
export interface Forgotten {
  lesson: boolean;
  quiz: boolean;
  problem: boolean;
}

/**
 * Forgets one lesson (its read record and quiz score) and one problem (attempts, solved, hints),
 * either of them optional: an id can name both, as a lesson and the exercise that practises it.
 */
export function forgetProgress(
  progress: Progress,
  ids: { lesson?: string; problem?: string },
): { progress: Progress; forgotten: Forgotten } {
  const lessons = { ...progress.lessons };
  const problems = { ...progress.problems };
  const quizzes = { ...progress.quizzes };
  const forgotten: Forgotten = {
    lesson: ids.lesson !== undefined && ids.lesson in lessons,
    quiz: ids.lesson !== undefined && ids.lesson in quizzes,
    problem: ids.problem !== undefined && ids.problem in problems,
  };
  if (ids.lesson !== undefined) {
    delete lessons[ids.lesson];
    delete quizzes[ids.lesson];
  }
  if (ids.problem !== undefined) delete problems[ids.problem];
  return {
    progress: {
      ...progress,
      lessons,
      problems,
      ...(progress.quizzes === undefined ? {} : { quizzes }),
    },
    forgotten,
  };
}
