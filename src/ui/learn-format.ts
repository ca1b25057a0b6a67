import type { ChalkInstance } from 'chalk';
import type { LessonMeta } from '../core/lesson-meta.js';
import type { NextStep } from '../core/next-step.js';
import { padToWidth, splitToWidth, textWidth } from '../core/text-width.js';
import { wrapText } from '../core/wrap-text.js';

/** Plain formatters for `pixel learn` (the list, a lesson's footer) and `pixel progress`. */

export interface LessonListEntry {
  meta: LessonMeta;
  read: boolean;
}

const READ_MARK = '✓';

function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  return `${splitToWidth(text, width - 1)[0] ?? ''}…`;
}

function formatNext(next: NextStep | undefined, chalk: ChalkInstance, done: string): string {
  if (!next) return chalk.dim(done);
  return `${chalk.dim('next:')} ${chalk.bold(next.command)} ${chalk.dim(`(${next.reason})`)}`;
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
  const titleWidth = Math.min(
    longestTitle,
    Math.max(8, width - 2 - idWidth - 2 - 2 - minutesWidth),
  );
  const lines = entries.map((entry, index) => {
    const mark = entry.read ? chalk.green(READ_MARK) : ' ';
    const id = chalk.bold(padToWidth(entry.meta.id, idWidth));
    const title = padToWidth(truncate(entry.meta.title, titleWidth), titleWidth);
    const time = chalk.dim(padToWidth(minutes[index] ?? '', minutesWidth, 'right'));
    return `${mark} ${id}  ${title}  ${time}`.trimEnd();
  });
  return [
    chalk.bold(`Lessons (${read} of ${entries.length} read)`),
    '',
    ...lines,
    '',
    formatNext(next, chalk, 'All lessons read and practised.'),
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
    return room >= 12 ? `${head}  ${chalk.dim(truncate(row.about, room))}` : head.trimEnd();
  });
  return `\n${chalk.dim('─'.repeat(Math.max(1, Math.min(width, 40))))}\n${lines.join('\n')}\n`;
}

export interface ProgressView {
  lessons: {
    read: number;
    total: number;
    items: ReadonlyArray<{ id: string; title: string; read: boolean; timesRead: number }>;
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
  const titleWidth = Math.min(
    Math.max(0, ...view.lessons.items.map((item) => textWidth(item.title))),
    Math.max(8, width - 4 - idWidth - 2),
  );
  for (const item of view.lessons.items) {
    const mark = item.read ? chalk.green(READ_MARK) : ' ';
    const title = truncate(item.title, titleWidth);
    const times = item.timesRead === 1 ? 'once' : `${item.timesRead} times`;
    // The detail goes only where it fits: it is a courtesy, the mark says it all.
    const fits = 4 + idWidth + 2 + titleWidth + 2 + textWidth(`read ${times}`) <= width;
    const detail = item.read && fits ? `  ${chalk.dim(`read ${times}`)}` : '';
    const line = `  ${mark} ${padToWidth(item.id, idWidth)}  ${detail ? padToWidth(title, titleWidth) : title}`;
    out.push(line + detail);
  }
  out.push('');
  out.push(
    chalk.bold(`Problems solved: ${view.problems.solved} of ${view.problems.attempted} attempted`),
  );
  if (view.problems.items.length === 0) {
    out.push(chalk.dim('  none yet: every lesson ends with the problem that practises it'));
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
  out.push(formatNext(view.next ?? undefined, chalk, 'Everything read and solved: well done.'));
  return `${out.join('\n')}\n`;
}
