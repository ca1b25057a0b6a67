import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../../errors.js';
import { returnedNumbers } from '../../core/judge/compare.js';
import { diagnose, type Diagnosis, type VariantOutputs } from '../../core/judge/diagnose.js';
import type { JudgeCase, Language } from '../../core/judge/problem-schema.js';
import {
  judgeCall,
  type CallOutcome,
  type CaseJudgement,
  type Verdict,
} from '../../core/judge/verdict.js';
import { compileModule } from './compile.js';
import { resolveLaunch } from './languages.js';
import type { LoadedProblem, ReferenceModule } from './problem-store.js';
import { harnessesRoot } from './problem-store.js';
import { runHarness, type CapturedOutput, type LoadFailure } from './run-harness.js';
import { containment } from './sandbox.js';

/** Source files larger than this are refused (ICPC's typical limit is 128 KiB). */
const MAX_SOURCE_BYTES = 256 * 1024;

export interface CaseResult {
  testCase: JudgeCase;
  expected: number[];
  outcome: CallOutcome;
  judgement: CaseJudgement;
  /** The returned numbers, when the value had the right shape. */
  returned?: number[];
  diagnosis?: Diagnosis;
}

export interface Evaluation {
  /** Set when no call could be judged: the solution did not compile or load, or the judge failed. */
  failure?: { verdict: Verdict; message: string };
  results: CaseResult[];
  output: CapturedOutput;
  durationMs: number;
}

export interface EvaluateRequest {
  loaded: LoadedProblem;
  reference: ReferenceModule;
  cases: JudgeCase[];
  language: Language;
  solutionPath: string;
  /** The user's environment: only PATH and PIXEL_PYTHON are read from it. */
  env: NodeJS.ProcessEnv;
  stopAtFirstFailure: boolean;
  /** Custom inputs may legitimately diverge to infinity; the shipped cases must not. */
  allowNonFiniteReference?: boolean;
  onCase?: (result: CaseResult, index: number) => void;
  onStart?: (testCase: JudgeCase, index: number) => void;
}

const NO_OUTPUT: CapturedOutput = { text: '', bytes: 0, truncated: false };

function loadFailureVerdict(failure: LoadFailure): { verdict: Verdict; message: string } {
  switch (failure.kind) {
    case 'compile':
      return { verdict: 'compile_error', message: failure.message };
    case 'memory':
      return { verdict: 'memory_limit_exceeded', message: `while loading: ${failure.message}` };
    case 'killed':
      return failure.reason === 'cpu' || failure.reason === 'wall'
        ? {
            verdict: 'time_limit_exceeded',
            message: 'loading the solution took too long (code at the top level of the file?)',
          }
        : failure.reason === 'memory'
          ? {
              verdict: 'memory_limit_exceeded',
              message: 'used more than the memory limit while loading',
            }
          : {
              verdict: 'output_limit_exceeded',
              message: 'printed more than the output limit while loading',
            };
    default:
      return { verdict: 'runtime_error', message: failure.message };
  }
}

export async function readSolution(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new UsageError(`cannot read the solution file ${path}`, {
      hint: 'check the path, or run `pixel solve` again to get a fresh starter',
    });
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new UsageError(`${path} is larger than ${MAX_SOURCE_BYTES / 1024} KiB`, {
      hint: 'a solution to this exercise fits in a few dozen lines',
    });
  }
  return readFile(path, 'utf8');
}

function variantOutputs(
  loaded: LoadedProblem,
  reference: ReferenceModule,
  testCase: JudgeCase,
): VariantOutputs[] {
  return loaded.problem.mistakes.map((mistake) => ({
    mistake,
    outputs: (reference.mistakes[mistake.id] ?? []).flatMap((variant) => {
      try {
        return [variant(testCase.input)];
      } catch {
        return [];
      }
    }),
  }));
}

/**
 * Runs a solution on cases in the sandbox and judges each call against the reference computed
 * now (the package holds no answers). Cases run in the given order; with stopAtFirstFailure the
 * run ends at the first failing call, which decides the verdict.
 */
export async function evaluateSolution(request: EvaluateRequest): Promise<Evaluation> {
  const started = performance.now();
  const { loaded, reference, language } = request;
  const { problem } = loaded;
  const solutionPath = resolve(request.solutionPath);
  const source = await readSolution(solutionPath);
  const filename = basename(solutionPath);
  const finish = (partial: Omit<Evaluation, 'durationMs'>): Evaluation => ({
    ...partial,
    durationMs: performance.now() - started,
  });

  if (process.platform === 'win32') {
    throw new EnvironmentError('the judge runs solutions with POSIX process controls', {
      hint: 'use Linux or macOS, or WSL on Windows',
    });
  }
  const limits = problem.limits;
  const launch = resolveLaunch(language, request.env, harnessesRoot(), limits.memoryMiB);
  const scratch = await mkdtemp(join(tmpdir(), 'pixel-judge-'));
  try {
    let payload: Record<string, unknown>;
    if (language === 'python') {
      payload = { source, filename, directory: dirname(solutionPath) };
    } else {
      // TypeScript goes through esbuild; JavaScript runs as written and the harness reports a
      // SyntaxError on import as a compile error (no esbuild start-up on the common path).
      const compiled =
        language === 'typescript'
          ? await compileModule(source, language, filename)
          : ({ ok: true, code: source } as const);
      if (!compiled.ok) {
        return finish({
          failure: { verdict: 'compile_error', message: compiled.message },
          results: [],
          output: NO_OUTPUT,
        });
      }
      // Always an ES module, whatever package.json (or none) sits beside the learner's file.
      const modulePath = join(scratch, 'solution.mjs');
      await writeFile(modulePath, compiled.code);
      payload = { solution: modulePath, filename };
    }
    const entry = problem.languages[language].entry;
    const names = problem.returns;
    const results: CaseResult[] = [];
    let referenceFailure: string | undefined;
    const expected: number[][] = [];
    /** One call's verdict, and the known mistake behind a wrong answer when one explains it. */
    const judgeOne = (index: number, outcome: CallOutcome): CaseResult => {
      const testCase = request.cases[index] as JudgeCase;
      const values = expected[index] as number[];
      const judgement = judgeCall(
        outcome,
        values,
        names,
        problem.tolerance,
        { cpuMsPerCase: limits.cpuSecondsPerCase * 1000 },
        testCase.hidden,
      );
      const returned =
        outcome.status === 'returned' ? returnedNumbers(outcome.value, names.length) : undefined;
      const kind = judgement.comparison?.kind;
      const diagnosis =
        returned && (kind === 'mismatch' || kind === 'not-finite')
          ? diagnose(returned, variantOutputs(loaded, reference, testCase), problem.tolerance)
          : undefined;
      return {
        testCase,
        expected: values,
        outcome,
        judgement,
        ...(returned ? { returned } : {}),
        ...(diagnosis ? { diagnosis } : {}),
      };
    };
    const sandboxContainment = containment(request.env);
    const running = runHarness({
      containment: sandboxContainment,
      command: launch.command,
      args: launch.args,
      cwd: scratch,
      env: {
        PATH: request.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
        LANG: 'C.UTF-8',
        LC_ALL: 'C.UTF-8',
        HOME: scratch,
        TMPDIR: scratch,
        ...launch.env,
        // Without a PID namespace the harness adopts orphans (PR_SET_CHILD_SUBREAPER) so the
        // sweep can still find a double-forked grandchild.
        ...(sandboxContainment === 'none' ? { PIXEL_SUBREAPER: '1' } : {}),
      },
      payload: {
        ...payload,
        entry,
        cases: request.cases.map((testCase) =>
          problem.parameters.map((parameter) => testCase.input[parameter.name]),
        ),
      },
      limits: {
        cpuMsPerCall: limits.cpuSecondsPerCase * 1000,
        wallMsPerCall: limits.wallSecondsPerCase * 1000,
        startupMs: limits.startupSeconds * 1000,
        memoryBytes: limits.memoryMiB * 2 ** 20,
        outputBytes: limits.outputBytes,
      },
      onStart: (index) => request.onStart?.(request.cases[index] as JudgeCase, index),
      onCall: (index, outcome) => {
        if (referenceFailure) return 'stop';
        const result = judgeOne(index, outcome);
        results.push(result);
        request.onCase?.(result, index);
        return request.stopAtFirstFailure && result.judgement.verdict !== 'accepted'
          ? 'stop'
          : 'continue';
      },
    });
    // Expected values come from the reference now, while the runtime starts in parallel. A broken
    // reference is the judge's fault, never the learner's.
    try {
      for (const testCase of request.cases) {
        const values = reference.solve(testCase.input);
        if (!Array.isArray(values) || values.length !== problem.returns.length)
          throw new Error(`reference returned a malformed value on ${testCase.id}`);
        if (!request.allowNonFiniteReference && !values.every(Number.isFinite))
          throw new Error(`reference is not finite on ${testCase.id}`);
        expected.push(values);
      }
    } catch (error) {
      referenceFailure = `the reference failed: ${(error as Error).message}`;
    }
    const run = await running;
    if (referenceFailure) {
      return finish({
        failure: { verdict: 'judge_error', message: referenceFailure },
        results: [],
        output: run.output,
      });
    }
    // A call the runner ended (limit, crash) arrives after onCall was last used: judge it too.
    for (let index = results.length; index < run.calls.length; index++) {
      const result = judgeOne(index, run.calls[index] as CallOutcome);
      results.push(result);
      request.onCase?.(result, index);
    }
    let failure = run.load ? loadFailureVerdict(run.load) : undefined;
    if (failure?.verdict === 'compile_error' && language === 'javascript') {
      // Node does not say where a module fails to parse; esbuild does (loaded only now).
      const located = await compileModule(source, language, filename);
      if (!located.ok) failure = { verdict: 'compile_error', message: located.message };
    }
    if (
      !failure &&
      results.length < request.cases.length &&
      results.every((r) => r.judgement.verdict === 'accepted')
    ) {
      return finish({
        failure: { verdict: 'judge_error', message: 'the harness stopped before every case ran' },
        results,
        output: run.output,
      });
    }
    return finish({ ...(failure ? { failure } : {}), results, output: run.output });
  } finally {
    await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
}
