import type { ChalkInstance } from 'chalk';
import { formatError, formatNumber, type ValueCheck } from '../core/compare.js';
import type { Diagnosis } from '../core/diagnose.js';
import { siRate, type SpeedReport } from '../core/speed.js';
import type { SubmissionReport, TestReport } from '../core/report.js';
import type { Verdict } from '../core/verdict.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import { truncateToWidth } from '../../shared/core/text-width.js';
import { wrapText as wrapLines } from '../../shared/core/wrap-text.js';

/** Plain-text rendering of judge results; colour only through the given chalk instance. */

const MARK: Record<Verdict, string> = {
  accepted: '✓',
  wrong_answer: '✗',
  time_limit_exceeded: '⧗',
  memory_limit_exceeded: '✗',
  output_limit_exceeded: '✗',
  runtime_error: '✗',
  compile_error: '✗',
  judge_error: '!',
};

export function paintVerdict(
  chalk: ChalkInstance,
  verdict: Verdict,
  text: string = verdict,
): string {
  if (verdict === 'accepted') return chalk.green(text);
  if (verdict === 'time_limit_exceeded') return chalk.yellow(text);
  if (verdict === 'judge_error') return chalk.magenta(text);
  return chalk.red(text);
}

/** Wraps text to a width, keeping words whole; `indent` prefixes every line. */
/** Wraps text to the width (by display columns), every line indented; keeps its line breaks. */
export function wrapText(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - indent.length);
  return text
    .split('\n')
    .flatMap((paragraph) => wrapLines(paragraph, room))
    .map((line) => indent + line)
    .join('\n');
}

/**
 * One line per case, as the judge goes: mark, id, group, verdict, time, then what the case
 * exercises; on a narrow terminal the description moves to its own line rather than vanish.
 */
export function formatCaseLine(
  chalk: ChalkInstance,
  test: TestReport & { description: string },
  columns: number,
): string {
  const time = `${test.timeMs} ms`.padStart(7);
  const head = `  ${MARK[test.verdict]} ${test.id.padEnd(21)} ${test.group.padEnd(11)} ${time}  ${test.verdict}`;
  const painted = `  ${paintVerdict(chalk, test.verdict, MARK[test.verdict])} ${test.id.padEnd(21)} ${test.group.padEnd(11)} ${time}  ${paintVerdict(chalk, test.verdict)}`;
  const room = columns - head.length - 2;
  if (room >= 16) return `${painted}  ${chalk.dim(truncateToWidth(test.description, room))}`;
  return `${painted}\n      ${chalk.dim(truncateToWidth(test.description, columns - 6))}`;
}

export function formatDiagnosis(
  chalk: ChalkInstance,
  diagnosis: Diagnosis,
  columns: number,
): string {
  return [
    `  ${chalk.bold('likely mistake:')} ${diagnosis.title}`,
    wrapText(diagnosis.explanation, columns, '    '),
    wrapText(`fix: ${diagnosis.fix}`, columns, '    '),
  ].join('\n');
}

/** Said once per report when the run had only the reduced sandbox (README: threat model). */
export function formatReducedSandbox(
  chalk: ChalkInstance,
  note: string | undefined,
  columns: number,
): string {
  const why = note ? ` (${sanitizeText(note)})` : '';
  return chalk.dim(
    wrapText(
      `sandbox: reduced${why}: your code ran with your own access to files and the network; see "The judge's sandbox" in pixel's README`,
      columns,
      '  ',
    ),
  );
}

export function formatSubmitSummary(
  chalk: ChalkInstance,
  report: SubmissionReport,
  extras: {
    decidingHidden?: boolean;
    decidingId?: string;
    decidingGroup?: string;
    notRun: number;
    printedBytes: number;
    columns: number;
    /** Why the sandbox was reduced, when it was. */
    sandboxNote?: string;
    /** Whether this was the workspace's own solution (and so recorded in progress). */
    own?: boolean;
    /** Inside pixel watch: the key that reveals a hint. */
    hintKey?: string;
    /** Whether the problem has a visualisation (`pixel viz`). */
    visualised?: boolean;
  },
): string {
  const lines: string[] = [''];
  const seconds = (report.durationMs / 1000).toFixed(2);
  const where = extras.decidingId
    ? ` on ${extras.decidingId} (${extras.decidingGroup}${extras.decidingHidden ? ', hidden' : ''})`
    : '';
  lines.push(
    `${chalk.bold('verdict:')} ${paintVerdict(chalk, report.verdict, chalk.bold(report.verdict))}${where} · ${report.passed}/${report.total} passed · ${seconds} s`,
  );
  if (report.message) lines.push(wrapText(sanitizeText(report.message), extras.columns, '  '));
  if (report.diagnosis) lines.push(formatDiagnosis(chalk, report.diagnosis, extras.columns));
  if (extras.decidingHidden) {
    lines.push(chalk.dim('  (a hidden case: its inputs and expected values are not shown)'));
  }
  if (report.tests.length === 0 && report.verdict !== 'judge_error') {
    lines.push(chalk.dim('  the solution did not load, so no case ran'));
  } else if (extras.notRun > 0) {
    lines.push(
      chalk.dim(
        `  ${extras.notRun} later case${extras.notRun === 1 ? ' was' : 's were'} not judged: the first failure decides`,
      ),
    );
  }
  if (extras.printedBytes > 0) {
    lines.push(
      chalk.dim(
        `  your program printed ${extras.printedBytes} bytes; output is never judged (\`pixel test\` shows it per example)`,
      ),
    );
  }
  if (report.sandbox === 'reduced')
    lines.push(formatReducedSandbox(chalk, extras.sandboxNote, extras.columns));
  if (report.verdict === 'accepted') {
    lines.push(chalk.green('  Accepted. Well done!'));
    if (report.speed) lines.push(formatSpeed(chalk, report.speed));
    if (extras.own)
      lines.push(
        chalk.dim(
          `  \`pixel solution\` shows the reference and how it compares${extras.visualised ? '; `pixel viz` shows it run' : ''}`,
        ),
      );
    else
      lines.push(
        chalk.dim(
          "  not recorded in your progress: only the workspace's own solution counts (`pixel solve` makes one)",
        ),
      );
  } else if (report.verdict !== 'judge_error')
    lines.push(
      chalk.dim(
        extras.hintKey
          ? `  stuck? press ${extras.hintKey} for the next hint`
          : '  stuck? `pixel hint` gives the next hint',
      ),
    );
  return `${lines.join('\n')}\n`;
}

function numberCell(value: number): string {
  return formatNumber(value);
}

/** The values table of `pixel test`: each returned value beside the reference. */
/** Rows a value table shows; a long list shows its wrong values first, then the count left. */
const TABLE_ROWS = 12;

export function formatValueTable(chalk: ChalkInstance, all: readonly ValueCheck[]): string {
  const header = ['', 'yours', 'expected', 'abs error', 'rel error'];
  const wrong = all.filter((check) => !check.ok);
  const values =
    all.length <= TABLE_ROWS
      ? all
      : [...wrong, ...all.filter((check) => check.ok)].slice(0, TABLE_ROWS);
  const hiddenRight = all.length - values.length;
  const hiddenWrong = wrong.length - values.filter((check) => !check.ok).length;
  const rows = values.map((check) => [
    check.name,
    numberCell(check.got),
    numberCell(check.expected),
    formatError(check.absoluteError),
    formatError(check.relativeError),
  ]);
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...rows.map((row) => (row[index] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] as number))
      .join('  ')
      .trimEnd();
  return [
    `      ${chalk.dim(line(header))}`,
    ...rows.map((row, index) => {
      const ok = values[index]?.ok;
      return `    ${ok ? chalk.green('✓') : chalk.red('✗')} ${line(row)}`;
    }),
    ...(hiddenRight > 0
      ? [
          chalk.dim(
            `      … ${hiddenRight} more value${hiddenRight === 1 ? '' : 's'}${hiddenWrong > 0 ? `, ${hiddenWrong} of them wrong` : ', all within tolerance'} (--json shows every one)`,
          ),
        ]
      : []),
  ].join('\n');
}

/** What the program printed, sanitised, limited to a few lines, in a gutter. */
export function formatPrinted(
  chalk: ChalkInstance,
  text: string,
  bytes: number,
  truncated: boolean,
  maxLines = 12,
): string {
  const clean = sanitizeText(text).replace(/\n+$/, '');
  if (!clean) return `    ${chalk.dim('printed nothing')}`;
  const lines = clean.split('\n');
  const shown = lines
    .slice(0, maxLines)
    .map((line) => `    ${chalk.dim('│')} ${truncateToWidth(line, 200)}`);
  const hidden = lines.length - shown.length;
  const more =
    hidden > 0 || truncated
      ? [`    ${chalk.dim(`… ${bytes} bytes in all, the rest not shown`)}`]
      : [];
  return [`    ${chalk.dim(`printed (${bytes} bytes, not judged):`)}`, ...shown, ...more].join(
    '\n',
  );
}

/** The speed line on acceptance: yours, then each reference, each as work per second. */
export function formatSpeed(chalk: ChalkInstance, speed: SpeedReport): string {
  const rate = (perSecond: number) => `${siRate(perSecond)}/s`;
  const rows: Array<[string, string, string]> = [
    ['yours', rate(speed.yours.perSecond), ''],
    ...speed.references.map((entry): [string, string, string] =>
      entry.perSecond === undefined
        ? [entry.file, chalk.dim('—'), chalk.dim(entry.skipped ?? '')]
        : [
            entry.file,
            rate(entry.perSecond),
            chalk.dim(compareSpeed(speed.yours.perSecond / entry.perSecond)),
          ],
    ),
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const rateWidth = Math.max(...rows.map(([, value]) => visibleLength(value)));
  return [
    chalk.bold(
      `  speed on the ${speed.group} cases (${speed.cases}), in ${speed.unit} per second:`,
    ),
    ...rows.map(([name, value, note]) =>
      `    ${name.padEnd(nameWidth)}  ${value}${' '.repeat(rateWidth - visibleLength(value))}  ${note}`.trimEnd(),
    ),
    chalk.dim(
      `    it informs and never changes a verdict; timing the references took ${(speed.costMs / 1000).toFixed(1)} s (--no-speed skips it)`,
    ),
  ].join('\n');
}

/**
 * Yours against a reference, in words. One run each is timed, and the same code timed twice on
 * a shared machine differs by up to a third, so closer than 1.5× reads as "about as fast".
 */
function compareSpeed(ratio: number): string {
  const times = (value: number) =>
    value >= 10 ? `${Math.round(value)}×` : `${Number(value.toPrecision(2))}×`;
  if (ratio >= 1.5) return `yours is ${times(ratio)} faster`;
  if (ratio <= 1 / 1.5) return `yours is ${times(1 / ratio)} slower`;
  return 'yours is about as fast';
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex -- colour codes take no room on screen
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
