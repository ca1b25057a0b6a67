import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { stopSignalOf, type Context } from '../../context.js';
import { InterruptedError, UsageError } from '../../errors.js';
import { validateInput } from '../../judge/core/custom-input.js';
import type { CaseInput, Problem, Visualisation } from '../../judge/core/problem-schema.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import { parseDataColumns } from '../core/data-file.js';
import { runToEnd, startRun, vizReducer, type VizRun, type VizSetup } from '../core/run.js';
import { parseVizWords, vizFlags, type VizSettings } from '../core/settings.js';
import {
  listProblems,
  loadProblem,
  loadVizModel,
  type LoadedProblem,
} from '../../judge/io/problem-store.js';
import { findWorkspaceRoot, readWorkspace } from '../../judge/io/workspace.js';
import { createChalk } from '../../shared/ui/theme.js';
import { renderVizFrame } from '../ui/render-frame.js';

export const vizOptionsSchema = z.object({
  problem: z.optional(z.string()),
  /** Everything after the problem: its visualisation's own options (`--lr 0.05`), --data, --json. */
  words: z.array(z.string()),
});
export type VizOptions = z.infer<typeof vizOptionsSchema>;

/** The static picture printed into a pipe: this many lines, as wide as COLUMNS (80). */
const PIPED_ROWS = 26;

export interface VizListing {
  visualisations: Array<{ problem: string; kind: string; summary: string; options: string[] }>;
}

export interface VizResult {
  problem: string;
  kind: string;
  /** The numbers the run used, data lists as their lengths. */
  settings: Record<string, number>;
  points: number;
  steps: number;
  total: number;
  diverged: number | null;
  state: Record<string, number>;
  measures: Record<string, number>;
  /** What was measured along the run, at most 101 evenly spaced steps. */
  curve: Array<{ step: number } & Record<string, number>>;
}

function withVisualisation(): Problem[] {
  return listProblems().filter((problem) => problem.visualisation !== undefined);
}

function listing(context: Context): VizListing {
  const problems = withVisualisation();
  const result: VizListing = {
    visualisations: problems.map((problem) => ({
      problem: problem.id,
      kind: (problem.visualisation as Visualisation).kind,
      summary: (problem.visualisation as Visualisation).summary,
      options: vizFlags(problem.visualisation as Visualisation),
    })),
  };
  const chalk = createChalk(context.color);
  const lines = problems.flatMap((problem) => {
    const viz = problem.visualisation as Visualisation;
    return [
      `${chalk.bold(problem.id)}  ${chalk.dim(viz.kind)}`,
      `  ${viz.summary}`,
      ...viz.options.map((option) => `  --${option.flag.padEnd(12)} ${option.description}`),
      ...(viz.data
        ? [`  --data FILE    columns ${viz.data.join(', ')} (CSV, spaces, or JSON)`]
        : []),
    ];
  });
  context.stdout.write(
    problems.length === 0
      ? 'No problem has a visualisation yet.\n'
      : `${lines.join('\n')}\n\n${chalk.dim(`pixel viz <problem> [options]: e.g. pixel viz ${problems[0]?.id ?? ''}`)}\n`,
  );
  return result;
}

async function dataColumns(
  file: string,
  viz: Visualisation,
  cwd: string,
): Promise<Record<string, unknown>> {
  if (!viz.data)
    throw new UsageError('this visualisation takes no --data', {
      hint: `its options: ${vizFlags(viz).join(', ')}`,
    });
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `--data: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      {
        hint: `give a file of ${viz.data.length} columns (${viz.data.join(', ')}), one row a line`,
      },
    );
  }
  const parsed = parseDataColumns(text, viz.data);
  if (!parsed.ok) {
    throw new UsageError(`--data ${file}: ${sanitizeText(parsed.problem, { singleLine: true })}`, {
      hint: `one row a line: ${viz.data.join(', ')} separated by commas or spaces (a header line is fine)`,
    });
  }
  return parsed.columns;
}

/** The run's input: the declared case, then --data, then the options, checked against the bounds. */
async function buildInput(
  loaded: LoadedProblem,
  viz: Visualisation,
  settings: VizSettings,
  cwd: string,
): Promise<CaseInput> {
  const { problem } = loaded;
  const base = loaded.cases.find((testCase) => testCase.id === viz.case);
  if (!base)
    throw new UsageError(`${problem.id}'s visualisation names no case "${viz.case}"`, {
      hint: 'this is a bug in the problem folder: report it',
    });
  for (const option of viz.options) {
    const value = settings.values[option.parameter];
    const parameter = problem.parameters.find((candidate) => candidate.name === option.parameter);
    if (value === undefined || !parameter) continue;
    if (
      (parameter.min !== undefined && value < parameter.min) ||
      (parameter.max !== undefined && value > parameter.max)
    ) {
      throw new UsageError(
        `--${option.flag} must be within ${parameter.min ?? '−∞'} … ${parameter.max ?? '∞'}, not ${value}`,
        {
          hint: option.description,
        },
      );
    }
  }
  const columns = settings.dataFile ? await dataColumns(settings.dataFile, viz, cwd) : {};
  // A table parameter (rows of features) takes its file column as rows of one feature.
  const data = Object.fromEntries(
    Object.entries(columns).map(([name, values]): [string, unknown] => {
      const table = problem.parameters.find((p) => p.name === name)?.type === 'number[][]';
      const column: unknown = values;
      return [
        name,
        table && Array.isArray(column) ? column.map((value: unknown) => [value]) : column,
      ];
    }),
  );
  const checked = validateInput({ ...base.input, ...data, ...settings.values }, problem.parameters);
  if (!checked.ok) {
    throw new UsageError(
      `${settings.dataFile ? `--data ${settings.dataFile}` : 'the input'}: ${checked.problems.join('; ')}`,
      {
        hint: `each column within the problem's bounds: ${problem.parameters
          .filter((parameter) => viz.data?.includes(parameter.name))
          .map((parameter) => `${parameter.name} (${parameter.description})`)
          .join(', ')}`,
      },
    );
  }
  return checked.input;
}

function setupFor(problem: Problem, viz: Visualisation, model: VizSetup['model']): VizSetup {
  const rateParameter = problem.parameters.find((parameter) => parameter.name === viz.rate);
  return {
    model,
    ...(viz.steps ? { steps: viz.steps } : {}),
    ...(viz.rate ? { rate: viz.rate } : {}),
    ...(rateParameter
      ? {
          rateBounds: {
            ...(rateParameter.min === undefined ? {} : { min: rateParameter.min }),
            ...(rateParameter.max === undefined ? {} : { max: rateParameter.max }),
          },
        }
      : {}),
  };
}

function resultOf(problem: Problem, viz: Visualisation, run: VizRun): VizResult {
  const settings = Object.fromEntries(
    Object.entries(run.input).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.length : value,
    ]),
  );
  const last = run.history.length - 1;
  const samples = Math.min(101, run.history.length);
  const curve = Array.from({ length: samples }, (_, index) => {
    const step = samples === 1 ? 0 : Math.round((index / (samples - 1)) * last);
    return { step, ...run.history[step] };
  });
  const first = viz.data?.[0];
  const points = first ? ((run.input[first] as unknown[] | undefined)?.length ?? 0) : 0;
  return {
    problem: problem.id,
    kind: viz.kind,
    settings,
    points,
    steps: run.done,
    total: run.total,
    diverged: run.diverged ?? null,
    state: run.state,
    measures: run.history[run.done] ?? {},
    curve,
  };
}

/**
 * `pixel viz <problem>`: plays the problem's reference in the terminal (keys: space, →, + and −,
 * r, q); piped, prints the run's end and a static picture; --json gives the numbers.
 */
export async function viz(options: VizOptions, context: Context): Promise<VizResult | VizListing> {
  let id = options.problem;
  if (!id) {
    const root = findWorkspaceRoot(context.cwd);
    if (!root) {
      if (options.words.length > 0)
        throw new UsageError('which problem?', {
          hint: 'pixel viz <problem> [options]; `pixel viz` lists them',
        });
      return listing(context);
    }
    id = readWorkspace(root).marker.problem;
  }
  const loaded = loadProblem(id);
  const { problem } = loaded;
  const visualisation = problem.visualisation;
  if (!visualisation) {
    const others = withVisualisation().map((candidate) => candidate.id);
    throw new UsageError(`${problem.id} has no visualisation`, {
      hint: others.length > 0 ? `these do: ${others.join(', ')}` : 'no problem has one yet',
    });
  }
  const parsed = parseVizWords(options.words, visualisation, problem.parameters);
  if (!parsed.ok)
    throw new UsageError(parsed.problems.join('; '), {
      hint: `see \`pixel viz\` for ${problem.id}'s options`,
    });
  const { settings } = parsed;
  const input = await buildInput(loaded, visualisation, settings, context.cwd);
  const setup = setupFor(problem, visualisation, await loadVizModel(loaded));

  if (settings.json) {
    const result = resultOf(problem, visualisation, runToEnd(setup, input));
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  const chalk = createChalk(context.color);
  const interactive = context.stdout.isTTY && context.stdinIsTTY;
  if (!interactive) {
    const run = runToEnd(setup, input);
    context.stdout.write(
      `${renderVizFrame(run, visualisation, {
        problem: problem.id,
        columns: Math.max(40, context.stdout.columns),
        rows: PIPED_ROWS,
        chalk,
        interactive: false,
      })}\n`,
    );
    return resultOf(problem, visualisation, run);
  }
  const { showVizView } = await import('../ui/viz-view.js');
  const guard = context.guardSignals();
  try {
    const run = await showVizView({
      initial: startRun(setup, input),
      reduce: (current, action) => vizReducer(setup, current, action),
      frame: (current, size) =>
        renderVizFrame(current, visualisation, {
          problem: problem.id,
          columns: Math.max(20, size.columns),
          rows: Math.max(8, size.rows),
          chalk,
          interactive: true,
        }),
      signal: guard.signal,
    });
    // The last frame stays on screen; the prompt starts on a line of its own.
    context.stdout.write('\n');
    const stopped = stopSignalOf(guard.signal);
    if (stopped) throw new InterruptedError(stopped, 'the visualisation was closed');
    return resultOf(problem, visualisation, run);
  } finally {
    guard.release();
  }
}
