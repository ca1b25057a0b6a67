import type { ChalkInstance } from 'chalk';
import { textWidth, truncateToWidth } from '../../shared/core/text-width.js';
import type { WatchState } from './watch-state.js';

/** The keys, longest first: the first that fits the width is shown. */
const KEY_LINES = [
  'r re-run · s submit · h hint · ↑↓ PgUp PgDn scroll · q quit',
  'r run · s submit · h hint · ↑↓ scroll · q quit',
  'r s h · ↑↓ · q quit',
];

const RUNNING_LABEL = {
  test: 'running the examples…',
  submit: 'judging…',
  hint: 'fetching a hint…',
};

// eslint-disable-next-line no-control-regex -- colour codes are what is split around
const SGR = /\u001b\[[0-9;]*m/y;

/** Cuts one line of (possibly coloured) text into rows of at most `width` columns. */
export function wrapColoured(line: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  let used = 0;
  let colour = '';
  for (let index = 0; index < line.length;) {
    SGR.lastIndex = index;
    const code = SGR.exec(line);
    if (code) {
      row += code[0];
      colour = code[0].endsWith('[0m') || code[0].endsWith('[39m') ? '' : code[0];
      index += code[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(index) ?? 32);
    const size = textWidth(char);
    if (used + size > width && used > 0) {
      rows.push(colour ? `${row}\u001b[39m` : row);
      row = colour;
      used = 0;
    }
    row += char;
    used += size;
    index += char.length;
  }
  rows.push(row);
  return rows;
}

/** Without colour codes, for finding a line by its text. */
function plainText(line: string): string {
  // eslint-disable-next-line no-control-regex -- colour codes take no room on screen
  return line.replace(/\u001b\[[0-9;]*m/g, '');
}

/** A case's first line: its id first (`pixel test`), or after its mark (`✗ id` in `pixel submit`). */
function isCaseLine(row: string, id: string): boolean {
  const text = plainText(row).trimStart();
  const rest = text.startsWith(id) ? text : text.replace(/^\S+\s+/, '');
  return rest.startsWith(id) && /^(\s|$)/.test(rest.slice(id.length));
}

export interface WatchWindow {
  /** The rows of output shown, with the "more above / below" markers. */
  lines: string[];
  /** The first output row shown, and the largest that makes sense. */
  top: number;
  maxTop: number;
}

export interface WatchFrameOptions {
  title: string;
  rows: number;
  columns: number;
  chalk: ChalkInstance;
  /** The output row the learner scrolled to; undefined: the first failure, else the end. */
  top?: number;
}

/** Output rows the frame has room for: header, a blank, the output, a blank, the keys. */
function roomFor(rows: number): number {
  // The terminal's last line stays free, so drawing the frame never scrolls the screen.
  return Math.max(3, rows - 1 - 4);
}

/**
 * Which rows of the last job's output fit on screen. Lines are wrapped to the width, so the
 * frame is never taller than the screen. Unless the learner has scrolled, the first failure
 * is at the top (the start of what went wrong), or, with none, the end (the verdict).
 */
export function watchWindow(state: WatchState, options: WatchFrameOptions): WatchWindow {
  const width = Math.max(10, options.columns);
  const rows = state.output
    .replace(/\n+$/, '')
    .split('\n')
    .flatMap((line) => wrapColoured(line, width));
  const room = roomFor(options.rows);
  // At the end the "above" marker takes one row of the room.
  const maxTop = Math.max(0, rows.length - room + 1);
  const focus =
    state.focus === undefined
      ? -1
      : rows.findIndex((row) => isCaseLine(row, state.focus as string));
  const wanted = options.top ?? (focus >= 0 ? focus : maxTop);
  const top = Math.min(Math.max(0, wanted), maxTop);
  if (rows.length <= room) return { lines: rows, top: 0, maxTop: 0 };
  // The markers take a row each, so the row scrolled to is the first one under "above".
  const { chalk } = options;
  const markAbove = top > 0;
  let count = room - (markAbove ? 1 : 0);
  const markBelow = top + count < rows.length;
  if (markBelow) count--;
  const shown = [
    ...(markAbove ? [chalk.dim(`… ${top} lines above (↑ PgUp)`)] : []),
    ...rows.slice(top, top + count),
    ...(markBelow ? [chalk.dim(`… ${rows.length - top - count} lines below (↓ PgDn)`)] : []),
  ];
  return { lines: shown, top, maxTop };
}

/** One screen of `pixel watch` as text: never wider or taller than the terminal. */
export function formatWatchFrame(state: WatchState, options: WatchFrameOptions): string {
  const { chalk } = options;
  const width = Math.max(10, options.columns);
  const statusText = state.running ? RUNNING_LABEL[state.running] : state.status;
  const paint = state.running
    ? chalk.yellow
    : state.ok === undefined
      ? chalk.dim
      : state.ok
        ? chalk.green
        : chalk.red;
  // The status matters more than the title: the title gives way first.
  const status = truncateToWidth(statusText, Math.max(8, width - 'pixel watch ·  · '.length - 8));
  const titleRoom = width - textWidth(`pixel watch ·  · ${status}`);
  const title = truncateToWidth(options.title, Math.max(0, titleRoom));
  const header = `${chalk.bold('pixel watch')} ${chalk.dim('·')} ${title}${title ? ` ${chalk.dim('·')} ` : ''}${paint(status)}`;
  const runs = ` · runs: ${state.runs}`;
  const keys =
    KEY_LINES.map((line) => line + runs).find((line) => textWidth(line) <= width) ??
    truncateToWidth(KEY_LINES.at(-1) as string, width);
  const window = watchWindow(state, options);
  return [header, '', ...window.lines, '', chalk.dim(keys)].join('\n');
}
