import type { ChalkInstance } from 'chalk';
import type { Visualisation } from '../../judge/core/problem-schema.js';
import type { VizRun } from '../core/run.js';

/** What every kind's frame needs besides the run. */
export interface VizFrameOptions {
  problem: string;
  columns: number;
  /** Lines the frame may use; the last line of the terminal stays free so nothing scrolls. */
  rows: number;
  chalk: ChalkInstance;
  /** In a terminal with keys; false for the static picture printed into a pipe. */
  interactive: boolean;
}

/** A number in at most about eight characters: 1.94213, 0.0261, 3.2e+41. */
export function compactNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e6 || size < 1e-4) return value.toExponential(2).replace('e+', 'e');
  return String(Number(value.toPrecision(5)));
}

/** Words joined by ` · `, as many a line as fit in `width`. */
export function wrapParts(
  parts: readonly string[],
  width: number,
  visible: (text: string) => number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const joined = line === '' ? part : `${line} · ${part}`;
    if (line !== '' && visible(joined) > width) {
      lines.push(line);
      line = part;
    } else line = joined;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Display width of text with chalk's colour codes in it (the frames hold no wide characters). */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex -- colour codes take no room on screen
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/** The rate option's flag (`lr`), for the keys line and the status. */
function rateFlag(visualisation: Visualisation): string | undefined {
  return visualisation.options.find((option) => option.parameter === visualisation.rate)?.flag;
}

/** The title: what is shown, the rate, and whether it plays (piped: how it ended). */
export function headerLines(
  run: VizRun,
  visualisation: Visualisation,
  options: VizFrameOptions,
  /** A kind's own verdict on a run whose numbers are finite but running away. */
  runaway?: string,
): string[] {
  const { chalk } = options;
  const ended = run.total > 0 && run.done >= run.total;
  const status =
    run.diverged !== undefined
      ? chalk.red(`✗ diverged at step ${run.diverged}`)
      : runaway
        ? chalk.red(`✗ ${runaway}`)
        : ended
          ? chalk.green('✓ done')
          : !options.interactive
            ? undefined
            : run.playing
              ? chalk.yellow('▶ playing')
              : chalk.dim('‖ paused');
  const flag = rateFlag(visualisation);
  const parts = [
    chalk.bold('pixel viz'),
    options.problem,
    ...(flag && visualisation.rate
      ? [`${flag} ${compactNumber(Number(run.input[visualisation.rate]))}`]
      : []),
    ...(status ? [status] : []),
  ];
  return wrapParts(parts, options.columns, visibleWidth);
}

/** The numbers under the plot: step, every number of the state, every measure. */
export function numberLines(run: VizRun, options: VizFrameOptions): string[] {
  const { chalk } = options;
  const measures = run.history[run.done] ?? {};
  const parts = [
    ...(run.total > 0 ? [`step ${chalk.bold(String(run.done))} of ${run.total}`] : []),
    ...Object.entries(run.state).map(
      ([name, value]) => `${name} ${chalk.bold(compactNumber(value))}`,
    ),
    ...Object.entries(measures).map(
      ([name, value]) => `${name} ${chalk.bold(compactNumber(value))}`,
    ),
  ];
  return wrapParts(parts, options.columns, visibleWidth);
}

/** The keys, only the ones this run has, and what to do after a divergence. */
export function keyLines(
  run: VizRun,
  visualisation: Visualisation,
  options: VizFrameOptions,
  runaway = false,
): string[] {
  if (!options.interactive) return [];
  const flag = rateFlag(visualisation);
  const keys = [
    ...(run.total > 0 ? ['space play/pause', '→ step'] : []),
    ...(flag ? [`+/− ${flag}`] : []),
    ...(run.total > 0 ? ['r restart'] : []),
    'q quit',
  ];
  const lines = wrapParts(keys, options.columns, visibleWidth).map((line) =>
    options.chalk.dim(line),
  );
  if ((run.diverged !== undefined || runaway) && flag)
    lines.unshift(options.chalk.red(`too large a step: − lowers ${flag}, r starts again`));
  return lines;
}
