import type { ChalkInstance } from 'chalk';
import { padToWidth, textWidth, truncateToWidth } from '../../shared/core/text-width.js';
import { wrapText } from '../../shared/core/wrap-text.js';
import { visibleEntries, type PickerState } from './lesson-picker-state.js';

/**
 * One frame of the lesson picker as text, from the state alone. The ink view only shows this
 * string, so colour stays pixel's decision (the chalk passed in) and the frame is testable as
 * a plain string.
 */

const HELP = '↑/↓ move · type to filter · enter read · esc quit';

export function formatPickerFrame(
  state: PickerState,
  options: { width: number; rows: number; chalk: ChalkInstance },
): string {
  const { chalk } = options;
  const width = Math.max(20, options.width);
  const visible = visibleEntries(state);
  const read = state.entries.filter((entry) => entry.read).length;
  const lines = [
    `${chalk.bold('Pick a lesson')} ${chalk.dim(`(${read} of ${state.entries.length} read)`)}`,
    state.filter === ''
      ? chalk.dim('type to filter')
      : `filter: ${chalk.bold(truncateToWidth(state.filter, width - 9))}`,
    '',
  ];

  // Room for the list: the screen minus the header, the summary and the help line.
  const room = Math.max(3, options.rows - lines.length - 5);
  const start = Math.min(
    Math.max(0, state.cursor - Math.floor(room / 2)),
    Math.max(0, visible.length - room),
  );
  const shown = visible.slice(start, start + room);
  const idWidth = Math.max(0, ...shown.map((entry) => textWidth(entry.id)));
  const longestTitle = Math.max(0, ...shown.map((entry) => textWidth(entry.title)));
  const minutesWidth = Math.max(0, ...shown.map((entry) => textWidth(`${entry.minutes} min`)));
  if (visible.length === 0) lines.push(chalk.dim('  no lesson matches'));
  shown.forEach((entry, offset) => {
    const selected = start + offset === state.cursor;
    const minutes = padToWidth(`${entry.minutes} min`, minutesWidth, 'right');
    const titleRoom = Math.min(longestTitle, width - 4 - idWidth - 2 - 2 - minutesWidth);
    const title =
      titleRoom >= 8 ? `  ${padToWidth(truncateToWidth(entry.title, titleRoom), titleRoom)}` : '';
    const mark = entry.read ? chalk.green('✓') : ' ';
    const body = `${padToWidth(entry.id, idWidth)}${title}  ${minutes}`;
    lines.push(
      selected ? `${chalk.cyan('›')} ${mark} ${chalk.bold.cyan(body)}` : `  ${mark} ${body}`,
    );
  });
  const more = visible.length - shown.length;
  lines.push(more > 0 ? chalk.dim(`  … ${more} more`) : '');

  const current = visible[state.cursor];
  const summary = current ? wrapText(current.summary, width - 2).slice(0, 2) : [];
  lines.push(...summary.map((line) => `  ${chalk.italic(line)}`));
  lines.push('', chalk.dim(truncateToWidth(HELP, width)));
  return lines.join('\n');
}
