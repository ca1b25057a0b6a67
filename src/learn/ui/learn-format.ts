import type { ChalkInstance } from 'chalk';
import type { LessonMeta } from '../core/lesson-meta.js';
import type { NextStep } from '../../shared/core/next-step.js';
import type { ProgressView } from '../core/progress-report.js';
import { padToWidth, textWidth, truncateToWidth } from '../../shared/core/text-width.js';
import { wrapPieces, wrapText } from '../../shared/core/wrap-text.js';

/** Plain formatters for `pixel learn` (the list, a lesson's footer) and `pixel progress`. */

export interface LessonListEntry {
  meta: LessonMeta;
  read: boolean;
}

const READ_MARK = '✓';
const NO_BREAK = '\u00a0';
/** Narrower than this, a title column is dropped rather than cut to nothing. */
const MIN_TITLE_WIDTH = 8;

/** The next step, wrapped to the width (its parts stay whole words). */
export function formatNext(
  next: NextStep | undefined,
  options: { width: number; chalk: ChalkInstance },
  done: string,
): string {
  const { chalk, width } = options;
  if (!next)
    return wrapText(done, width)
      .map((line) => chalk.dim(line))
      .join('\n');
  // The command is one unbreakable word (no-break spaces): it is meant to be copied whole.
  const pieces = [
    { text: 'next: ', style: chalk.dim },
    { text: next.command.replace(/ /g, NO_BREAK), style: chalk.bold },
    { text: ` (${next.reason})`, style: chalk.dim },
  ];
  return wrapPieces(pieces, width)
    .map((line) => line.map((piece) => piece.style(piece.text.replaceAll(NO_BREAK, ' '))).join(''))
    .join('\n');
}

/**
 * The lesson list: a read mark, the id (what to type), the title and the minutes to read,
 * one lesson a line in curriculum order, then the next step.
 */
export function formatLessonList(
  entries: readonly LessonListEntry[],
  next: NextStep | undefined,
  options: { width: number; chalk: ChalkInstance },
): string {
  const { chalk, width } = options;
  if (entries.length === 0) return `${chalk.dim('No lessons are installed.')}\n`;
  const read = entries.filter((entry) => entry.read).length;
  const idWidth = Math.max(...entries.map((entry) => textWidth(entry.meta.id)));
  const minutes = entries.map((entry) => `${entry.meta.minutes} min`);
  const minutesWidth = Math.max(...minutes.map(textWidth));
  // "✓ " + id + 2 spaces + title + 2 spaces + minutes
  const longestTitle = Math.max(...entries.map((entry) => textWidth(entry.meta.title)));
  const room = width - 2 - idWidth - 2 - 2 - minutesWidth;
  const titleWidth = room >= MIN_TITLE_WIDTH ? Math.min(longestTitle, room) : 0;
  const lines = entries.map((entry, index) => {
    const mark = entry.read ? chalk.green(READ_MARK) : ' ';
    const id = chalk.bold(padToWidth(entry.meta.id, idWidth));
    const title =
      titleWidth > 0
        ? `${padToWidth(truncateToWidth(entry.meta.title, titleWidth), titleWidth)}  `
        : '';
    const time = chalk.dim(padToWidth(minutes[index] ?? '', minutesWidth, 'right'));
    return `${mark} ${id}  ${title}${time}`;
  });
  return [
    chalk.bold(`Lessons (${read} of ${entries.length} read)`),
    '',
    ...lines,
    '',
    formatNext(next, options, 'All lessons read and practised.'),
    '',
  ].join('\n');
}

export interface LessonFooter {
  related: ReadonlyArray<{ id: string; title: string }>;
  problems: readonly string[];
}

/** What ends a lesson: related lessons to read and the problems to practise on. */
export function formatLessonFooter(
  footer: LessonFooter,
  options: { width: number; chalk: ChalkInstance },
): string {
  const { chalk, width } = options;
  const rows = [
    ...footer.related.map((lesson) => ({
      label: 'Related',
      command: `pixel learn ${lesson.id}`,
      about: lesson.title,
    })),
    ...footer.problems.map((problem) => ({
      label: 'Practice',
      command: `pixel solve ${problem}`,
      about: 'the exercise that practises this lesson',
    })),
  ];
  if (rows.length === 0) return '';
  const labelWidth = Math.max(...rows.map((row) => textWidth(row.label))) + 1;
  const commandWidth = Math.max(...rows.map((row) => textWidth(row.command)));
  const lines = rows.map((row, index) => {
    // The label once per group: "Related:" then its lessons, "Practice:" then its problems.
    const text = index > 0 && rows[index - 1]?.label === row.label ? '' : `${row.label}:`;
    const label = chalk.dim(padToWidth(text, labelWidth));
    const head = `${label} ${chalk.bold(padToWidth(row.command, commandWidth))}`;
    const room = width - labelWidth - 1 - commandWidth - 2;
    // The description is a courtesy: dropped rather than wrapped on a narrow screen.
    return room >= 12 ? `${head}  ${chalk.dim(truncateToWidth(row.about, room))}` : head.trimEnd();
  });
  return `\n${chalk.dim('─'.repeat(Math.max(1, Math.min(width, 40))))}\n${lines.join('\n')}\n`;
}

/** `quiz 3/4` and, when an earlier attempt did better, `(best 4/4)`. */
function quizFact(quiz: NonNullable<ProgressView['lessons']['items'][number]['quiz']>): string {
  const { last, best } = quiz;
  const same = last.score === best.score && last.total === best.total;
  return `quiz ${last.score}/${last.total}${same ? '' : ` (best ${best.score}/${best.total})`}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatProgress(
  view: ProgressView,
  options: { width: number; chalk: ChalkInstance },
): string {
  const { chalk, width } = options;
  const out: string[] = [chalk.bold(`Lessons read: ${view.lessons.read} of ${view.lessons.total}`)];
  const idWidth = Math.max(0, ...view.lessons.items.map((item) => textWidth(item.id)));
  const titleRoom = width - 4 - idWidth - 2;
  const titleWidth =
    titleRoom >= MIN_TITLE_WIDTH
      ? Math.min(Math.max(0, ...view.lessons.items.map((item) => textWidth(item.title))), titleRoom)
      : 0;
  for (const item of view.lessons.items) {
    const mark = item.read ? chalk.green(READ_MARK) : ' ';
    const title = truncateToWidth(item.title, titleWidth);
    const times = item.timesRead === 1 ? 'once' : `${item.timesRead} times`;
    const facts = [
      ...(item.read ? [`read ${times}`] : []),
      ...(item.quiz ? [quizFact(item.quiz)] : []),
    ].join(', ');
    // The detail goes only where it fits: it is a courtesy, the mark says it all.
    const fits = 4 + idWidth + 2 + titleWidth + 2 + textWidth(facts) <= width;
    const detail = facts !== '' && fits ? `  ${chalk.dim(facts)}` : '';
    const id = padToWidth(item.id, idWidth);
    const shown = titleWidth === 0 ? '' : detail ? padToWidth(title, titleWidth) : title;
    out.push(`  ${mark} ${shown ? `${id}  ${shown}` : id.trimEnd()}${detail}`);
  }
  out.push('');
  out.push(
    chalk.bold(`Problems solved: ${view.problems.solved} of ${view.problems.attempted} attempted`),
  );
  if (view.problems.items.length === 0) {
    const note = 'none yet: every lesson ends with the problem that practises it';
    out.push(...wrapText(note, Math.max(10, width - 2)).map((line) => `  ${chalk.dim(line)}`));
  }
  const problemWidth = Math.max(0, ...view.problems.items.map((item) => textWidth(item.id)));
  for (const item of view.problems.items) {
    const mark = item.solved ? chalk.green(READ_MARK) : chalk.red('✗');
    const facts = [
      item.solved ? 'solved' : 'not solved yet',
      plural(item.attempts, 'attempt'),
      ...(item.hintsRevealed > 0 ? [`${plural(item.hintsRevealed, 'hint')} seen`] : []),
      ...(item.lastVerdict ? [`last: ${item.lastVerdict}`] : []),
    ].join(', ');
    const head = `  ${mark} ${padToWidth(item.id, problemWidth)}`;
    // Measured without colour: escape codes take no columns.
    if (4 + problemWidth + 2 + textWidth(facts) <= width) out.push(`${head}  ${chalk.dim(facts)}`);
    else {
      out.push(head.trimEnd());
      for (const part of wrapText(facts, Math.max(8, width - 6)))
        out.push(`      ${chalk.dim(part)}`);
    }
  }
  out.push('');
  out.push(formatNext(view.next ?? undefined, options, 'Everything read and solved: well done.'));
  return `${out.join('\n')}\n`;
}
