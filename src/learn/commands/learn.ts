import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { ChalkInstance } from 'chalk';
import type { LessonMeta } from '../core/lesson-meta.js';
import {
  PRERENDERED_WIDTHS,
  READING_WIDTH,
  relatedLessons,
  type RelatedLesson,
} from '../core/lesson-model.js';
import { nextStep, type NextStep } from '../../shared/core/next-step.js';
import { recordLessonRead, recordQuizScore, type Progress } from '../../shared/core/progress.js';
import type { QuizQuestion } from '../core/quiz.js';
import { matchTopic } from '../../shared/core/topic-match.js';
import { builtLessons, type LessonSource } from '../io/lessons.js';
import { pageIfTall, pageText } from '../../shared/io/pager.js';
import { loadProgress, updateProgress } from '../../shared/io/progress-store.js';
import { formatLessonList } from '../ui/learn-format.js';
import { renderLessonPage } from '../ui/lesson-page.js';
import { chalkFor, plainChalk } from '../../shared/ui/plain-chalk.js';
import { formatQuiz } from '../ui/quiz-format.js';
import type { QuizOutcome } from '../ui/ask-quiz.js';
import type { PickerEntry } from '../ui/lesson-picker-state.js';

// eslint-disable-next-line no-control-regex -- removing chalk's colour codes is the point
const SGR_SEQUENCE = /\u001b\[[0-9;]*m/g;

// One schema for every on/off flag: each zod instance costs start-up to build.
const flag = z.optional(z.boolean());

export const learnOptionsSchema = z.object({
  topic: z.optional(z.string()),
  json: flag,
  /** commander's --no-pager sets this to false. */
  pager: flag,
  /** Choose the lesson from an interactive list (a terminal only). */
  pick: flag,
  /** Take the lesson's quick check instead of reading it. */
  quiz: flag,
  /** With --quiz: print the questions even in a terminal. */
  plain: flag,
  /** With --quiz: print the answers and explanations too. */
  answers: flag,
});
export type LearnOptions = z.infer<typeof learnOptionsSchema>;

/** `pixel learn --json`: one entry per lesson, in curriculum order. */
export interface LessonListItem extends LessonMeta {
  read: boolean;
}

export interface LessonListResult {
  kind: 'list';
  lessons: LessonListItem[];
  next: NextStep | null;
}

/** `pixel learn <topic> --json`: the lesson's metadata, its text as plain lines, what follows. */
export interface LessonReadResult {
  kind: 'lesson';
  lesson: LessonMeta;
  /** The lesson rendered as plain text (no escape codes) at the output's width. */
  text: string;
  related: RelatedLesson[];
  practice: string[];
}

/** `pixel learn --pick` left without choosing. */
export interface PickCancelledResult {
  kind: 'cancelled';
}

/**
 * `pixel learn <topic> --quiz`: the questions (with answers and explanations only when asked
 * for), and the score when they were answered in the terminal (null if not, or not finished).
 */
export interface QuizResult {
  kind: 'quiz';
  lesson: { id: string; title: string };
  questions: Array<Partial<QuizQuestion> & Pick<QuizQuestion, 'id' | 'question'>>;
  score: { score: number; total: number } | null;
}

export type LearnResult = LessonListResult | LessonReadResult | PickCancelledResult | QuizResult;

export interface LearnDependencies {
  lessons: LessonSource;
  page: typeof pageText;
  /** The interactive picker; resolves with a lesson id, or null when the learner quits. */
  pick: (entries: PickerEntry[]) => Promise<string | null>;
  /**
   * Asks the quiz in the terminal: the score, null when the learner stops half-way, or
   * 'no-terminal' when keys cannot be read here (then the questions are printed instead).
   */
  ask: (questions: readonly QuizQuestion[], title: string) => Promise<QuizOutcome | 'no-terminal'>;
}

function lessonList(lessons: readonly LessonMeta[], progress: Progress): LessonListResult {
  return {
    kind: 'list',
    lessons: lessons.map((meta) => ({ ...meta, read: progress.lessons[meta.id] !== undefined })),
    next: nextStep(lessons, progress) ?? null,
  };
}

function unknownTopic(topic: string, lessons: readonly LessonMeta[]): UsageError {
  const match = matchTopic(topic, lessons);
  const suggestions = match.found ? [] : match.suggestions.map((lesson) => lesson.id);
  const hint =
    suggestions.length > 0
      ? `did you mean ${suggestions.join(', ')}? Try: pixel learn ${suggestions[0]}`
      : `the lessons are: ${lessons.map((lesson) => lesson.id).join(', ')}; see 'pixel learn'`;
  return new UsageError(`no lesson called '${topic}'`, { hint });
}

/** The ink picker, loaded only when asked for, and only in a terminal. */
function pickInTerminal(context: Context, chalk: ChalkInstance) {
  return async (entries: PickerEntry[]) => {
    if (!context.stdout.isTTY || !context.stdinIsTTY) {
      throw new UsageError('--pick needs an interactive terminal', {
        hint: 'name the lesson instead: pixel learn <topic> (pixel learn lists them)',
      });
    }
    const { pickLesson } = await import('../ui/pick-lesson.js');
    return pickLesson(entries, {
      chalk,
      columns: context.stdout.columns,
      rows: context.stdout.rows,
    });
  };
}

/** The ink quiz, loaded only for a quiz in a terminal. */
function askInTerminal(context: Context, chalk: ChalkInstance): LearnDependencies['ask'] {
  return async (questions, title) => {
    // Keys must come from a terminal, not a pipe or a file.
    if (!context.stdinIsTTY) return 'no-terminal';
    const { askQuiz } = await import('../ui/ask-quiz.js');
    const columns = Math.min(context.stdout.columns, READING_WIDTH);
    return askQuiz(questions, { title, chalk, columns });
  };
}

interface Setting {
  options: LearnOptions;
  context: Context;
  source: LessonSource;
  lessons: readonly LessonMeta[];
  chalk: ChalkInstance;
  width: number;
  page: LearnDependencies['page'];
  ask: LearnDependencies['ask'];
}

async function listLessons({ options, context, lessons, chalk, width }: Setting) {
  const result = lessonList(lessons, await loadProgress(context.paths, context.warn));
  if (options.json) context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const entries = result.lessons.map(({ read, ...meta }) => ({ meta, read }));
    context.stdout.write(formatLessonList(entries, result.next ?? undefined, { width, chalk }));
  }
  return result;
}

async function readLesson(topic: string, setting: Setting): Promise<LessonReadResult> {
  const { options, context, source, lessons, chalk, width } = setting;
  const match = matchTopic(topic, lessons);
  if (!match.found) throw unknownTopic(topic, lessons);
  const meta = match.topic;
  const related = relatedLessons(meta, lessons);
  // Rendering happens only when the page was not rendered ahead of time (a terminal, colour,
  // another width): piped output at the default width is a file the build already wrote.
  const render = async (style: ChalkInstance) =>
    renderLessonPage(await source.lesson(meta.id), related, { width, chalk: style });
  const plainWanted = chalk.level === 0 || options.json === true;
  // A page is never wider than READING_WIDTH, so every wider output shares that page.
  const pageWidth = Math.min(width, READING_WIDTH);
  const prerendered =
    plainWanted && PRERENDERED_WIDTHS.includes(pageWidth)
      ? await source.prerendered(meta.id, pageWidth)
      : undefined;

  const text = plainWanted ? (prerendered ?? (await render(plainChalk()))) : await render(chalk);
  const result: LessonReadResult = {
    kind: 'lesson',
    lesson: meta,
    // Colour and plain renders differ only by escape codes (a renderer test holds it to that),
    // so the plain text is the coloured page without them: no second render.
    text: plainWanted ? text : text.replace(SGR_SEQUENCE, ''),
    related,
    practice: meta.problems.map((problem) => `pixel solve ${problem}`),
  };
  if (options.json) {
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  const paged = await pageIfTall(text, {
    stdout: context.stdout,
    pager: options.pager,
    env: context.env,
    page: setting.page,
  });
  // A read counts when a person had the page: in the pager (quitting half-way still counts),
  // on the terminal, or through a pipe whose reader took all of it (not `| head -1`).
  let delivered = true;
  if (!paged) {
    if (context.stdout.writeAll) delivered = await context.stdout.writeAll(text);
    else context.stdout.write(text);
  }
  if (delivered) {
    // Losing the record must not cost the learner the lesson, so a failure is only a warning.
    await updateProgress(context.paths, context.warn, (progress) =>
      recordLessonRead(progress, meta.id, context.now()),
    ).catch((error: unknown) => {
      context.warn(`could not record the lesson as read: ${(error as Error).message}`);
    });
  }
  return result;
}

/** The questions as --json shows them: answers and explanations only with --answers. */
function quizForJson(
  questions: readonly QuizQuestion[],
  answers: boolean,
): QuizResult['questions'] {
  return questions.map((question) => {
    if (answers) return { ...question };
    const { answer: _answer, explanation: _explanation, ...asked } = question;
    return asked;
  });
}

async function takeQuiz(topic: string, setting: Setting): Promise<QuizResult> {
  const { options, context, source, lessons, chalk } = setting;
  const match = matchTopic(topic, lessons);
  if (!match.found) throw unknownTopic(topic, lessons);
  const meta = match.topic;
  const { quiz } = await source.lesson(meta.id);
  const lesson = { id: meta.id, title: meta.title };
  const answers = options.answers === true;
  const result: QuizResult = {
    kind: 'quiz',
    lesson,
    questions: quizForJson(quiz, answers),
    score: null,
  };
  if (options.json) {
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  const width = Math.min(setting.width, READING_WIDTH);
  const interactive = context.stdout.isTTY && !options.plain && !answers;
  const outcome = interactive ? await setting.ask(quiz, meta.title) : 'no-terminal';
  if (outcome === 'no-terminal') {
    context.stdout.write(formatQuiz(lesson, quiz, { width, chalk, answers }));
    return result;
  }
  if (outcome === null) {
    context.stdout.write(`${chalk.dim('Stopped before the end: no score recorded.')}\n`);
    return result;
  }
  // The learner has their score on screen either way: a failed write is a warning, not an error.
  const recorded = await updateProgress(context.paths, context.warn, (progress) =>
    recordQuizScore(progress, meta.id, { ...outcome, at: context.now().toISOString() }),
  ).then(
    () => true,
    (error: unknown) => {
      context.warn(`could not record the quiz score: ${(error as Error).message}`);
      return false;
    },
  );
  const note = recorded ? ' — recorded; pixel progress shows every quiz score.' : '';
  context.stdout.write(
    `${chalk.bold(`${outcome.score} of ${outcome.total} right`)}${chalk.dim(note)}\n`,
  );
  return { ...result, score: outcome };
}

/**
 * `pixel learn` lists the lessons; `pixel learn <topic>` shows one (paged in a terminal when
 * it is taller than the screen) and records it as read; `pixel learn --pick` asks which.
 */
export async function learn(
  options: LearnOptions,
  context: Context,
  dependencies: Partial<LearnDependencies> = {},
): Promise<LearnResult> {
  const source = dependencies.lessons ?? builtLessons();
  const { lessons } = await source.index();
  const chalk = await chalkFor(context.color && !options.json);
  const width = Math.max(20, context.stdout.columns);
  const setting: Setting = {
    options,
    context,
    source,
    lessons,
    chalk,
    width,
    page: dependencies.page ?? pageText,
    ask: dependencies.ask ?? askInTerminal(context, chalk),
  };
  const quiz = options.quiz === true;
  if ((options.plain || options.answers) && !options.quiz) {
    throw new UsageError(`--${options.plain ? 'plain' : 'answers'} goes with --quiz`, {
      hint: `pixel learn ${options.topic ?? '<topic>'} --quiz --${options.plain ? 'plain' : 'answers'}`,
    });
  }
  if (quiz && options.topic === undefined && !options.pick) {
    throw new UsageError('--quiz needs a lesson', {
      hint: "name it: pixel learn <topic> --quiz (see 'pixel learn' for the topics)",
    });
  }

  if (options.pick) {
    if (options.topic !== undefined || options.json) {
      throw new UsageError('--pick chooses the lesson itself: give it no topic and no --json', {
        hint: 'pixel learn --pick, or pixel learn <topic>',
      });
    }
    const progress = await loadProgress(context.paths, context.warn);
    const entries = lessons.map((meta) => ({ ...meta, read: meta.id in progress.lessons }));
    const chosen = await (dependencies.pick ?? pickInTerminal(context, chalk))(entries);
    if (chosen === null) return { kind: 'cancelled' };
    return quiz ? takeQuiz(chosen, setting) : readLesson(chosen, setting);
  }
  if (options.topic === undefined) return listLessons(setting);
  return quiz ? takeQuiz(options.topic, setting) : readLesson(options.topic, setting);
}
