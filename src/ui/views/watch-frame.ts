import type { ChalkInstance } from 'chalk';
import type { WatchState } from './watch-state.js';

const KEYS = 'r re-run · s submit · h hint · q quit';

const RUNNING_LABEL = {
  test: 'running the examples…',
  submit: 'judging…',
  hint: 'fetching a hint…',
};

/**
 * One screen of `pixel watch` as text. The output of the last job is cut to the screen's height
 * (its end, where the verdict is, matters most), so the frame never scrolls the terminal.
 */
export function formatWatchFrame(
  state: WatchState,
  options: { title: string; rows: number; chalk: ChalkInstance },
): string {
  const { chalk } = options;
  const status = state.running
    ? chalk.yellow(RUNNING_LABEL[state.running])
    : state.ok === undefined
      ? chalk.dim(state.status)
      : state.ok
        ? chalk.green(state.status)
        : chalk.red(state.status);
  const header = `${chalk.bold('pixel watch')} ${chalk.dim('·')} ${options.title} ${chalk.dim('·')} ${status}`;
  const footer = chalk.dim(`${KEYS} · runs: ${state.runs} · saves re-run the examples`);
  const room = Math.max(3, options.rows - 4);
  const lines = state.output.replace(/\n+$/, '').split('\n');
  const shown =
    lines.length > room
      ? [chalk.dim(`… ${lines.length - room + 1} lines above`), ...lines.slice(-(room - 1))]
      : lines;
  return [header, '', ...shown, '', footer].join('\n');
}
