import * as z from 'zod/mini';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { ChalkInstance } from 'chalk';
import type { LessonMeta } from '../core/lesson-meta.js';
import { PRERENDERED_WIDTH, relatedLessons, type RelatedLesson } from '../core/lesson-model.js';
import { nextStep, type NextStep } from '../core/next-step.js';
import { recordLessonRead, type Progress } from '../core/progress.js';
import { matchTopic } from '../core/topic-match.js';
import { builtLessons, type LessonSource } from '../io/lessons.js';
import { pageText, shouldPage } from '../io/pager.js';
import { loadProgress, updateProgress } from '../io/progress-store.js';
import { formatLessonList } from '../ui/learn-format.js';
import { renderLessonPage } from '../ui/lesson-page.js';
import { chalkFor, plainChalk } from '../ui/plain-chalk.js';
import type { PickerEntry } from '../ui/views/lesson-picker-state.js';

// eslint-disable-next-line no-control-regex -- removing chalk's colour codes is the point
const SGR_SEQUENCE = /\u001b\[[0-9;]*m/g;

export const learnOptionsSchema = z.object({
  topic: z.optional(z.string()),
  json: z.optional(z.boolean()),
  /** commander's --no-pager sets this to false. */
  pager: z.optional(z.boolean()),
  /** Choose the lesson from an interactive list (a terminal only). */
  pick: z.optional(z.boolean()),
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

export type LearnResult = LessonListResult | LessonReadResult | PickCancelledResult;

export interface LearnDependencies {
  lessons: LessonSource;
  page: typeof pageText;
  /** The interactive picker; resolves with a lesson id, or null when the learner quits. */
  pick: (entries: PickerEntry[]) => Promise<string | null>;
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
    if (!context.stdout.isTTY) {
      throw new UsageError('--pick needs an interactive terminal', {
        hint: 'name the lesson instead: pixel learn <topic> (pixel learn lists them)',
      });
    }
    const { pickLesson } = await import('../ui/views/pick-lesson.js');
    return pickLesson(entries, {
      chalk,
      columns: context.stdout.columns,
      rows: context.stdout.rows,
    });
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
  const prerendered =
    plainWanted && width === PRERENDERED_WIDTH
      ? await source.prerendered(meta.id, width)
      : undefined;

  // Recorded before showing: a learner who quits the pager half-way has still opened it.
  // Losing the record must not cost them the lesson, so a failure is only a warning.
  await updateProgress(context.paths, context.warn, (progress) =>
    recordLessonRead(progress, meta.id, context.now()),
  ).catch((error: unknown) => {
    context.warn(`could not record the lesson as read: ${(error as Error).message}`);
  });

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
  const paged =
    shouldPage(text, {
      isTTY: context.stdout.isTTY,
      pager: options.pager,
      rows: context.stdout.rows,
      columns: context.stdout.columns,
    }) && (await setting.page(text, context.env));
  if (!paged) context.stdout.write(text);
  return result;
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
  };

  if (options.pick) {
    if (options.topic !== undefined || options.json) {
      throw new UsageError('--pick chooses the lesson itself: give it no topic and no --json', {
        hint: 'pixel learn --pick, or pixel learn <topic>',
      });
    }
    const progress = await loadProgress(context.paths, context.warn);
    const entries = lessons.map((meta) => ({ ...meta, read: meta.id in progress.lessons }));
    const chosen = await (dependencies.pick ?? pickInTerminal(context, chalk))(entries);
    return chosen === null ? { kind: 'cancelled' } : readLesson(chosen, setting);
  }
  return options.topic === undefined ? listLessons(setting) : readLesson(options.topic, setting);
}
