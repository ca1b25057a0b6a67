import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { validateInput } from '../core/custom-input.js';
import type { ValueCheck } from '../core/compare.js';
import type { Diagnosis } from '../core/diagnose.js';
import type { CaseInput, JudgeCase, Problem } from '../core/problem-schema.js';
import { formatInputValue, inputExample, parameterName } from '../core/readme.js';
import type { Verdict } from '../core/verdict.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import { evaluateSolution } from '../io/evaluate.js';
import { loadProblem, referenceLoader } from '../io/problem-store.js';
import { resolveTarget, targetOptionsShape } from '../io/target.js';
import {
  formatDiagnosis,
  formatPrinted,
  formatReducedSandbox,
  formatValueTable,
  paintVerdict,
  wrapText,
} from '../ui/judge-format.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';

export const testOptionsSchema = z.object({
  ...targetOptionsShape,
  input: z.optional(z.string()),
  json: z.optional(z.boolean()),
});
export type TestOptions = z.infer<typeof testOptionsSchema>;

/** Keeps JSON valid when a value is NaN or infinite. */
type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';
const jsonNumber = (value: number): JsonNumber =>
  Number.isFinite(value)
    ? value
    : Number.isNaN(value)
      ? 'NaN'
      : value > 0
        ? 'Infinity'
        : '-Infinity';

export interface TestCaseResult {
  id: string;
  description: string;
  input: CaseInput;
  verdict: Verdict;
  timeMs: number;
  message?: string;
  values?: Array<
    Omit<ValueCheck, 'got' | 'expected' | 'absoluteError' | 'relativeError'> & {
      got: JsonNumber;
      expected: JsonNumber;
      absoluteError: JsonNumber;
      relativeError: JsonNumber;
    }
  >;
  diagnosis?: Diagnosis;
  output: string;
  outputBytes: number;
  outputTruncated: boolean;
}

export interface TestResult {
  problem: string;
  language: string;
  passed: number;
  total: number;
  /** How the runs were contained (see the README's threat model). */
  sandbox: 'full' | 'reduced';
  cases: TestCaseResult[];
}

async function customCase(
  raw: string,
  problem: Problem,
  examples: readonly JudgeCase[],
  cwd: string,
): Promise<JudgeCase> {
  let text = raw;
  if (raw.trim() === '') {
    throw new UsageError('--input is empty', {
      hint: `give the input as JSON, e.g. ${inputExample(problem, examples).replace(/^pixel test /, '')}, or @file.json`,
    });
  }
  if (raw.startsWith('@')) {
    if (raw.slice(1).trim() === '') {
      throw new UsageError('--input @ names no file', {
        hint: 'give --input @path/to/input.json, or the JSON itself',
      });
    }
    const file = resolve(cwd, raw.slice(1));
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new UsageError(`--input: cannot read the file ${raw.slice(1)}`, {
        hint: 'give --input @path/to/input.json, or the JSON itself',
      });
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--input is not valid JSON: ${(error as Error).message}`, {
      hint: `e.g. ${inputExample(problem, examples).replace(/^pixel test /, '')}`,
    });
  }
  const checked = validateInput(parsed, problem.parameters);
  if (!checked.ok) {
    throw new UsageError(`invalid --input: ${checked.problems.join('; ')}`, {
      hint: `fields: ${problem.parameters.map((p) => `${p.name} (${p.description})`).join(', ')}`,
    });
  }
  return {
    id: 'custom',
    group: 'custom',
    description: 'your input',
    hidden: false,
    input: checked.input,
  };
}

/**
 * Runs the public examples (or one custom input), each in its own sandboxed process so what the
 * solution prints can be shown per case, and shows every value beside the reference.
 */
export async function test(options: TestOptions, context: Context): Promise<TestResult> {
  const target = resolveTarget(options, context.cwd);
  const loaded = loadProblem(target.problem);
  const { problem } = loaded;
  const reference = referenceLoader(loaded);
  const cases =
    options.input !== undefined
      ? [await customCase(options.input, problem, loaded.cases, context.cwd)]
      : loaded.cases.filter((testCase) => !testCase.hidden);
  const chalk = await chalkFor(context.color && !options.json);
  const columns = context.stdout.columns;
  const results: TestCaseResult[] = [];
  if (!options.json) {
    const file = relative(context.cwd, target.solutionPath) || target.solutionPath;
    context.stdout.write(
      `Testing ${file} (${target.language}) on ${options.input ? 'your input' : `${cases.length} public examples`}\n`,
    );
  }
  // Ctrl-C, a closed terminal or kill end the sandbox and exit 130/129/143.
  const guard = context.guardSignals();
  let sandbox: TestResult['sandbox'] = 'full';
  let sandboxNote: string | undefined;
  try {
    for (const testCase of cases) {
      const evaluation = await evaluateSolution({
        loaded,
        reference,
        cases: [testCase],
        language: target.language,
        solutionPath: target.solutionPath,
        ...(target.workspaceRoot ? { workspaceRoot: target.workspaceRoot } : {}),
        env: context.env,
        signal: guard.signal,
        allowNonFiniteReference: testCase.id === 'custom',
      });
      sandbox = evaluation.sandbox;
      sandboxNote = evaluation.sandboxNote;
      const result = evaluation.results[0];
      const comparison = result?.judgement.comparison;
      const values =
        comparison &&
        (comparison.kind === 'match' ||
          comparison.kind === 'mismatch' ||
          comparison.kind === 'not-finite')
          ? comparison.values
          : undefined;
      const verdict = evaluation.failure?.verdict ?? result?.judgement.verdict ?? 'judge_error';
      const message = evaluation.failure?.message ?? result?.judgement.message;
      const entry: TestCaseResult = {
        id: testCase.id,
        description: testCase.description,
        input: testCase.input,
        verdict,
        timeMs: result?.judgement.timeMs ?? 0,
        ...(message === undefined ? {} : { message }),
        ...(values
          ? {
              values: values.map((check) => ({
                name: check.name,
                ok: check.ok,
                got: jsonNumber(check.got),
                expected: jsonNumber(check.expected),
                absoluteError: jsonNumber(check.absoluteError),
                relativeError: jsonNumber(check.relativeError),
              })),
            }
          : {}),
        ...(result?.diagnosis ? { diagnosis: result.diagnosis } : {}),
        output: sanitizeText(evaluation.output.text),
        outputBytes: evaluation.output.bytes,
        outputTruncated: evaluation.output.truncated,
      };
      results.push(entry);
      if (!options.json) {
        const inputs = problem.parameters
          .map(
            (p) =>
              `${parameterName(problem, p.name, target.language)} = ${formatInputValue(testCase.input[p.name] ?? 0, 12)}`,
          )
          .join('; ');
        const lines = [
          '',
          `${chalk.bold(testCase.id)} ${chalk.dim(`— ${testCase.description}`)}`,
          wrapText(`input: ${inputs}`, Math.max(columns, 200), '    '),
        ];
        if (values) lines.push(formatValueTable(chalk, values));
        if (message && verdict !== 'accepted')
          lines.push(wrapText(sanitizeText(message), columns, '    '));
        if (result?.diagnosis) lines.push(formatDiagnosis(chalk, result.diagnosis, columns));
        lines.push(
          formatPrinted(
            chalk,
            evaluation.output.text,
            evaluation.output.bytes,
            evaluation.output.truncated,
          ),
        );
        lines.push(
          `    ${paintVerdict(chalk, verdict, verdict === 'accepted' ? 'passed' : verdict)} ${chalk.dim(`(${entry.timeMs} ms)`)}`,
        );
        context.stdout.write(`${lines.join('\n')}\n`);
      }
      // A solution that does not compile fails every example the same way: say it once.
      if (evaluation.failure && evaluation.failure.verdict !== 'judge_error') break;
    }
  } finally {
    guard.release();
  }
  const passed = results.filter((entry) => entry.verdict === 'accepted').length;
  const summary: TestResult = {
    problem: problem.id,
    language: target.language,
    passed,
    total: cases.length,
    sandbox,
    cases: results,
  };
  if (options.json) {
    context.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const all = passed === cases.length;
    const text = `${passed}/${cases.length} ${options.input ? 'custom input' : 'examples'} passed`;
    context.stdout.write(
      `\n${all ? chalk.green(text) : chalk.red(text)}${all && !options.input ? chalk.dim(context.keys?.submit ? ` — press ${context.keys.submit} to submit: the hidden cases too` : ' — next: `pixel submit` runs the hidden cases too') : ''}\n`,
    );
    if (sandbox === 'reduced')
      context.stdout.write(`${formatReducedSandbox(chalk, sandboxNote, columns)}\n`);
  }
  if (passed !== cases.length) context.exitCode = ExitCode.failed;
  return summary;
}
