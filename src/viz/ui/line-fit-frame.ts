import type { ChalkInstance } from 'chalk';
import type { Visualisation } from '../../judge/core/problem-schema.js';
import type { VizRun } from '../core/run.js';
import { BrailleCanvas, type Cell } from './braille-canvas.js';
import {
  compactNumber,
  headerLines,
  keyLines,
  numberLines,
  type VizFrameOptions,
} from './frame-parts.js';

type LineFit = Extract<Visualisation, { kind: 'line-fit' }>;

/** Side by side from this width; below it the curve goes under the plot, if there is room. */
const SIDE_BY_SIDE = 72;
/** The least useful canvas height. */
const MIN_CANVAS_ROWS = 2;

function paint(chalk: ChalkInstance, cells: Cell[][]): string[] {
  const colours: Record<string, (text: string) => string> = {
    line: chalk.yellow,
    point: chalk.cyan,
    curve: chalk.magenta,
  };
  return cells.map((row) =>
    row
      .map((cell) => (cell.layer ? (colours[cell.layer] ?? String)(cell.text) : cell.text))
      .join(''),
  );
}

function range(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (high - low < 1e-12) {
    const spread = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    low -= spread;
    high += spread;
  }
  return [low, high];
}

/**
 * One panel: a title, the canvas with its y range on the left, its x range underneath, all
 * exactly `width` columns.
 */
function panel(
  title: string,
  canvasRows: string[],
  y: [string, string],
  x: [string, string],
  width: number,
  chalk: ChalkInstance,
): string[] {
  const labelWidth = Math.max(y[0].length, y[1].length);
  const canvasWidth = width - labelWidth - 1;
  const lines = [chalk.bold(title.slice(0, width)).padEnd(width)];
  canvasRows.forEach((row, index) => {
    const label = index === 0 ? y[1] : index === canvasRows.length - 1 ? y[0] : '';
    lines.push(`${chalk.dim(label.padStart(labelWidth))}${chalk.dim('│')}${row}`);
  });
  lines.push(`${' '.repeat(labelWidth)}${chalk.dim(`└${'─'.repeat(Math.max(0, canvasWidth))}`)}`);
  const gap = Math.max(1, canvasWidth + 1 - x[0].length - x[1].length);
  lines.push(`${' '.repeat(labelWidth)}${chalk.dim(`${x[0]}${' '.repeat(gap)}${x[1]}`)}`);
  return lines;
}

function labelWidthFor(labels: readonly string[]): number {
  return Math.max(...labels.map((label) => label.length));
}

/** A list parameter's numbers; of a table (rows of features), its first column. */
function column(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) =>
    Array.isArray(item) ? Number(item[0] ?? Number.NaN) : Number(item),
  );
}

/** The points and the current line. */
function plotPanel(run: VizRun, viz: LineFit, width: number, height: number, chalk: ChalkInstance) {
  const xs = column(run.input[viz.plot.x]);
  const ys = (run.input[viz.plot.y] as number[] | undefined) ?? [];
  const [xLow, xHigh] = range(xs);
  const [dataLow, dataHigh] = range(ys);
  const pad = (dataHigh - dataLow) * 0.1;
  const [yLow, yHigh] = [dataLow - pad, dataHigh + pad];
  const yLabels: [string, string] = [compactNumber(yLow), compactNumber(yHigh)];
  const canvas = new BrailleCanvas(width - labelWidthFor(yLabels) - 1, height);
  const toX = (value: number) => ((value - xLow) / (xHigh - xLow)) * (canvas.dotsWide - 1);
  const toY = (value: number) => (1 - (value - yLow) / (yHigh - yLow)) * (canvas.dotsHigh - 1);
  const slope = run.state[viz.plot.slope] ?? 0;
  const intercept = run.state[viz.plot.intercept] ?? 0;
  canvas.line(
    toX(xLow),
    toY(slope * xLow + intercept),
    toX(xHigh),
    toY(slope * xHigh + intercept),
    'line',
  );
  xs.forEach((value, index) => canvas.mark(toX(value), toY(ys[index] ?? 0), '•', 'point'));
  const title = `${viz.plot.y} ≈ ${viz.plot.slope}·${viz.plot.x} + ${viz.plot.intercept}`;
  return panel(
    title,
    paint(chalk, canvas.rows()),
    yLabels,
    [compactNumber(xLow), compactNumber(xHigh)],
    width,
    chalk,
  );
}

/** The measure over the steps so far, on a log scale (a loss spans many orders). */
function curvePanel(
  run: VizRun,
  viz: LineFit,
  width: number,
  height: number,
  chalk: ChalkInstance,
) {
  const values = run.history.map((measures) => measures[viz.plot.curve] ?? Number.NaN);
  const logs = values.map((value) => (value > 0 ? Math.log10(value) : Number.NaN));
  const [low, high] = range(logs);
  const yLabels: [string, string] = [compactNumber(10 ** low), compactNumber(10 ** high)];
  const canvas = new BrailleCanvas(width - labelWidthFor(yLabels) - 1, height);
  const span = Math.max(1, run.total);
  const toX = (step: number) => (step / span) * (canvas.dotsWide - 1);
  const toY = (log: number) => (1 - (log - low) / (high - low)) * (canvas.dotsHigh - 1);
  // One point per dot column at most: a run of 10,000 steps draws as fast as one of 100.
  let previous: [number, number] | undefined;
  const columns = Math.min(run.done, canvas.dotsWide - 1);
  for (let column = 0; column <= columns; column++) {
    const step = columns === 0 ? 0 : Math.round((column / columns) * run.done);
    const log = logs[step] ?? Number.NaN;
    if (!Number.isFinite(log)) continue;
    const point: [number, number] = [toX(step), toY(log)];
    if (previous) canvas.line(previous[0], previous[1], point[0], point[1], 'curve');
    else canvas.dot(point[0], point[1], 'curve');
    previous = point;
  }
  return panel(
    `${viz.plot.curve} (log scale)`,
    paint(chalk, canvas.rows()),
    yLabels,
    ['0', String(run.total)],
    width,
    chalk,
  );
}

/** Two blocks of lines side by side, the left one padded to its width. */
function besideEachOther(
  left: string[],
  right: string[],
  leftWidth: number,
  gap: number,
): string[] {
  const count = Math.max(left.length, right.length);
  const pad = (line: string) => {
    // eslint-disable-next-line no-control-regex -- colour codes take no room on screen
    const visible = [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;
    return line + ' '.repeat(Math.max(0, leftWidth - visible));
  };
  return Array.from(
    { length: count },
    (_, index) => `${pad(left[index] ?? '')}${' '.repeat(gap)}${right[index] ?? ''}`,
  );
}

/**
 * A fit whose measure has grown tenfold past where it started is running away, even while its
 * numbers are still finite (a loss can climb to 1e300 before it overflows): say so.
 */
function runaway(run: VizRun, viz: LineFit): string | undefined {
  const first = run.history[0]?.[viz.plot.curve];
  const now = run.history[run.done]?.[viz.plot.curve];
  if (first === undefined || now === undefined || !(first > 0) || !(now > first * 10))
    return undefined;
  return `diverging: ${viz.plot.curve} ×10^${Math.floor(Math.log10(now / first))}`;
}

/** The frame of a line-fit visualisation, at most `rows` lines of at most `columns` columns. */
export function formatLineFitFrame(run: VizRun, viz: LineFit, options: VizFrameOptions): string {
  const { chalk, columns } = options;
  const header = headerLines(run, viz, options, runaway(run, viz));
  const keys = keyLines(run, viz, options, runaway(run, viz) !== undefined);
  /** Title, axis and x labels around each canvas. */
  const chrome = 3;
  // A state of many numbers (weights, velocities) wraps to several lines: on a short terminal
  // the last of them give way to the least useful plot, the step line always stays.
  const room = options.rows - 1 - header.length - keys.length - chrome - MIN_CANVAS_ROWS;
  const bottom = [...numberLines(run, options).slice(0, Math.max(1, room)), ...keys];
  const free = options.rows - 1 - header.length - bottom.length;
  if (columns >= SIDE_BY_SIDE) {
    const height = Math.max(MIN_CANVAS_ROWS, free - chrome);
    const leftWidth = Math.floor((columns - 2) * 0.58);
    const rightWidth = columns - 2 - leftWidth;
    const body = besideEachOther(
      plotPanel(run, viz, leftWidth, height, chalk),
      curvePanel(run, viz, rightWidth, height, chalk),
      leftWidth,
      2,
    );
    return [...header, ...body, ...bottom].join('\n');
  }
  // Narrow: the plot, and the curve under it when both get a useful height.
  const both = free - 2 * chrome >= 2 * MIN_CANVAS_ROWS + 2;
  const plotHeight = both
    ? Math.ceil((free - 2 * chrome) * 0.6)
    : Math.max(MIN_CANVAS_ROWS, free - chrome);
  const body = plotPanel(run, viz, columns, plotHeight, chalk);
  if (both) body.push(...curvePanel(run, viz, columns, free - 2 * chrome - plotHeight, chalk));
  return [...header, ...body, ...bottom].join('\n');
}
