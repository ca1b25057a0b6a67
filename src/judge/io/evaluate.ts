import { basename, dirname, join, relative, resolve } from 'node:path';
import { EnvironmentError, InterruptedError, type StopSignal } from '../../errors.js';
import { classifyRun, type LoadFailure } from '../core/classify.js';
import { diagnose, type Diagnosis, type VariantOutputs } from '../core/diagnose.js';
import type { JudgeCase, Language } from '../core/problem-schema.js';
import type { CapturedOutput, RunRecord } from '../core/run-record.js';
import { extractReference, extractReturned, type NamedNumber } from '../core/shape.js';
import { judgeCall, type CallOutcome, type CaseJudgement, type Verdict } from '../core/verdict.js';
import { BUNDLE_NAME, bundleTypeScript } from './compile.js';
import type { LoadedProblem, ReferenceModule } from './problem-store.js';
import { harnessesRoot } from './problem-store.js';
import { packageRoot } from '../../shared/io/package-root.js';
import { resolvePaths, type PixelPaths } from '../../shared/io/paths.js';
import { caseLine, recordRun } from './record-run.js';
import { onePerTurn } from './one-per-turn.js';
import { needsReference, referenceAnswers, type ReferenceAnswers } from './reference-answers.js';
import { resolveRuntime, type Runtime } from './runtimes.js';
import { fullSandboxAvailable, workFolder, type SandboxKind } from './sandbox.js';
import { collectSolutionFiles, readSolutionFile, type SourceFile } from './solution-files.js';
import { monotonicMs } from './clock.js';
import { removeTree } from './remove-tree.js';
import { makeScratch } from './scratch.js';

/** What the program may keep in its work folder (its files, HOME and TMPDIR). */
const WORK_BYTES = 64 * 2 ** 20;

export interface CaseResult {
  testCase: JudgeCase;
  expected: NamedNumber[];
  outcome: CallOutcome;
  judgement: CaseJudgement;
  /** The returned numbers, when the value had the right shape. */
  returned?: NamedNumber[];
  diagnosis?: Diagnosis;
}

export interface Evaluation {
  /** How the run was contained (see the README's threat model). */
  sandbox: SandboxKind;
  /** Why the sandbox was reduced on a machine that should have had the full one. */
  sandboxNote?: string;
  /** Set when no call could be judged: the solution did not compile or load, or the judge failed. */
  failure?: { verdict: Verdict; message: string };
  results: CaseResult[];
  output: CapturedOutput;
  durationMs: number;
}

export interface EvaluateRequest {
  loaded: LoadedProblem;
  /**
   * Imports the reference (once: later calls share the first). The judge calls it before any
   * learner code can touch pixel's files: before the run in the reduced sandbox, where the
   * program could rewrite them; in the full one, which hides them from it and lets it change
   * none of them, once the sandbox has started or after the run.
   */
  reference: () => Promise<ReferenceModule>;
  cases: JudgeCase[];
  language: Language;
  solutionPath: string;
  /** The workspace around the solution: its source files are copied in beside it. */
  workspaceRoot?: string;
  /** The user's environment: only PATH, HOME, PIXEL_PYTHON and the like are read from it. */
  env: NodeJS.ProcessEnv;
  /** Custom inputs may legitimately diverge to infinity; the shipped cases must not. */
  allowNonFiniteReference?: boolean;
  onStart?: (testCase: JudgeCase, index: number) => void;
  /** Aborted by SIGINT/SIGTERM/SIGHUP: the sandbox ends, nothing is judged. */
  signal?: AbortSignal;
}

const noop = () => undefined;

const NO_OUTPUT: CapturedOutput = { text: '', bytes: 0, truncated: false };

/** Set once the OS refused the full sandbox in this process, so it is not tried again. */
let fullSandboxRefused: string | undefined;

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

function variantOutputs(
  loaded: LoadedProblem,
  reference: ReferenceModule,
  testCase: JudgeCase,
): VariantOutputs[] {
  return loaded.problem.mistakes.map((mistake) => ({
    mistake,
    outputs: (reference.mistakes[mistake.id] ?? []).flatMap((variant) => {
      try {
        const extracted = extractReference(loaded.problem.returns, variant(testCase.input));
        return extracted.ok ? [extracted.numbers] : [];
      } catch {
        return [];
      }
    }),
  }));
}

interface Prepared {
  files: SourceFile[];
  /** The file the harness loads, relative to the work folder, and the name shown for it. */
  entry: string;
  display: string;
}

/** The learner's files as the sandbox will see them; TypeScript is bundled here, before the run. */
async function prepareFiles(
  language: Language,
  solutionPath: string,
  workspaceRoot: string | undefined,
): Promise<Prepared | { compileError: string }> {
  const display = basename(solutionPath);
  if (language === 'typescript') {
    readSolutionFile(solutionPath);
    const bundled = await bundleTypeScript(solutionPath, workspaceRoot ?? dirname(solutionPath));
    if (!bundled.ok) return { compileError: bundled.message };
    return {
      files: [{ path: BUNDLE_NAME, bytes: Buffer.from(bundled.code) }],
      entry: BUNDLE_NAME,
      display,
    };
  }
  const files = collectSolutionFiles(solutionPath, workspaceRoot);
  const entry = workspaceRoot ? relative(workspaceRoot, solutionPath) : display;
  // JavaScript always loads as an ES module, as the starter's package.json says.
  if (language === 'javascript' && !files.some((file) => file.path === 'package.json')) {
    files.push({ path: 'package.json', bytes: Buffer.from('{"type":"module"}\n') });
  }
  return { files, entry, display };
}

function record(
  kind: SandboxKind,
  base: string,
  runtime: Runtime,
  prepared: Promise<Prepared | undefined>,
  request: EvaluateRequest,
  lineOf: (index: number) => string,
  onSandboxed?: () => void,
): Promise<RunRecord> {
  const { problem } = request.loaded;
  const limits = problem.limits;
  // As a record, so that Object.values knows they are strings (an interface has no index type).
  const statePaths: Record<keyof PixelPaths, string> = resolvePaths(request.env);
  return recordRun({
    sandbox: {
      kind,
      base,
      command: runtime.command,
      args: runtime.args,
      runtimeFolders: runtime.folders,
      harnessDir: join(harnessesRoot(), runtime.harness),
      // pixel itself and the learner's pixel state, should a shared folder hold them.
      hide: [packageRoot(), ...Object.values(statePaths)],
      env: {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        LANG: 'C.UTF-8',
        LC_ALL: 'C.UTF-8',
        HOME: '{work}',
        TMPDIR: '{work}',
        ...runtime.env,
      },
      workBytes: WORK_BYTES,
    },
    setup: prepared.then(
      (files) =>
        files && {
          workdir: workFolder(kind, base),
          solution: files.entry,
          display: files.display,
          // Written into the work folder by the harness itself, before it loads anything.
          files: files.files.map((file) => ({
            path: file.path,
            data: file.bytes.toString('base64'),
          })),
          entry: problem.languages[request.language].entry,
          // Without a PID namespace the Python harness adopts orphans so the sweep finds them.
          ...(kind === 'reduced' ? { subreaper: true } : {}),
        },
    ),
    caseCount: request.cases.length,
    caseLine: lineOf,
    limits: {
      cpuMsPerCall: limits.cpuSecondsPerCase * 1000,
      wallMsPerCall: limits.wallSecondsPerCase * 1000,
      startupMs: limits.startupSeconds * 1000,
      memoryBytes: limits.memoryMiB * 2 ** 20,
      outputBytes: limits.outputBytes,
    },
    onStart: (index) => request.onStart?.(request.cases[index] as JudgeCase, index),
    ...(onSandboxed ? { onSandboxed } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
}

/**
 * The reference's answers: the build's for the shipped cases, so nothing is imported or worked
 * out during the run; otherwise worked out once the reference is imported.
 */
function answersOnceLoaded(request: EvaluateRequest): Promise<ReferenceAnswers> {
  const { loaded, cases } = request;
  const allowNonFinite = request.allowNonFiniteReference ?? false;
  if (!needsReference(loaded, cases))
    return Promise.resolve(referenceAnswers(loaded, undefined, cases, allowNonFinite));
  return request
    .reference()
    .then((reference) => referenceAnswers(loaded, reference, cases, allowNonFinite));
}

/**
 * Each case's control line, made once: its arguments (the generators run on first use) as the
 * harness reads them. Serialising the large cases takes milliseconds (gradient-descent's
 * 10,000 rows: ~2 ms), which made when the case is sent would fall between an answer and
 * the next call.
 */
function caseLines(request: EvaluateRequest): (index: number) => string {
  const { parameters } = request.loaded.problem;
  const made: string[] = [];
  const make = (index: number) => {
    const { input } = request.cases[index] as JudgeCase;
    return caseLine(
      index,
      parameters.map((parameter) => input[parameter.name]),
    );
  };
  return (index) => (made[index] ??= make(index));
}

/**
 * Makes the cases' lines one case per turn of the event loop, while the runtime starts.
 * Returns a stop: what is not made by then is made when its case is sent.
 */
function makeAhead(count: number, lineOf: (index: number) => string): () => void {
  return onePerTurn(count, (index) => void lineOf(index));
}

/**
 * Runs a solution on cases in the sandbox, then judges each call against the reference. The
 * expected values are the build's (see core/built-problem.ts), read before the run, or worked out
 * where the solution cannot read them: after the run, or during it in the full sandbox, whose
 * program cannot see pixel's process. Cases run in the given order; the first failure decides.
 */
export async function evaluateSolution(request: EvaluateRequest): Promise<Evaluation> {
  const started = monotonicMs();
  const { loaded, language } = request;
  const { problem } = loaded;
  const solutionPath = resolve(request.solutionPath);
  if (process.platform === 'win32') {
    throw new EnvironmentError('the judge runs solutions with POSIX process controls', {
      hint: 'use Linux or macOS, or WSL on Windows',
    });
  }
  const finish = (partial: Omit<Evaluation, 'durationMs'>): Evaluation => ({
    ...partial,
    durationMs: monotonicMs() - started,
  });
  const preferred: SandboxKind =
    fullSandboxAvailable(request.env) && !fullSandboxRefused ? 'full' : 'reduced';
  const runtime = resolveRuntime(language, request.env, dirname(solutionPath));
  const base = makeScratch(preferred, request.env);
  // Each is removed at the end (the reduced sandbox's fallback has its own: see scratch.ts).
  const scratches = [base];
  try {
    if (preferred === 'reduced') await request.reference();
    // The answers are worked out while the solution runs, once the full sandbox is up
    // (reference-answers.ts); the ready line comes long after this function has gone on.
    let runEnded = false;
    let stopAhead: (() => void) | undefined;
    const lineOf = caseLines(request);
    let provideFiles: (prepared: Prepared | undefined) => void = noop;
    const files = new Promise<Prepared | undefined>((resolve) => (provideFiles = resolve));
    const recording = record(preferred, base, runtime, files, request, lineOf, () => {
      void answersReady.then((answers) => {
        if (!runEnded) stopAhead = answers.computeAhead();
      }, noop);
    });
    // record() has spawned the sandbox: the runtime's start-up leaves this process idle, so the
    // reference is imported and the cases' arguments made meanwhile.
    const answersReady = answersOnceLoaded(request);
    // Awaited below; a run stopped by Ctrl-C never gets there, and must not crash on it.
    answersReady.catch(noop);
    const stopMaking = makeAhead(request.cases.length, lineOf);
    // So are the solution's files read, and a TypeScript solution bundled (esbuild: 35-45 ms
    // that came before the spawn): the harness loads nothing before the line that carries them.
    // Without them the sandbox ends without that line: nothing of the learner's has run.
    const endUnrun = async () => {
      provideFiles(undefined);
      await recording;
      stopMaking();
    };
    let prepared: Prepared | { compileError: string };
    try {
      prepared = await prepareFiles(language, solutionPath, request.workspaceRoot);
    } catch (error) {
      await endUnrun();
      throw error;
    }
    if ('compileError' in prepared) {
      await endUnrun();
      // A broken install says so even when the solution does not compile.
      await request.reference();
      return finish({
        sandbox: preferred,
        failure: { verdict: 'compile_error', message: prepared.compileError },
        results: [],
        output: NO_OUTPUT,
      });
    }
    provideFiles(prepared);
    let run = await recording;
    runEnded = true;
    stopMaking();
    stopAhead?.();
    let sandboxNote: string | undefined;
    if (preferred === 'full' && !run.started && !request.signal?.aborted) {
      // The OS refused a namespace or a mount, or the runtime cannot start without the rest of
      // the machine: judge with the reduced sandbox and say so. Learner code never ran yet.
      const why = run.stderrTail.trim().split('\n').pop() ?? `exit ${run.exit.code}`;
      fullSandboxRefused = why;
      sandboxNote = `the full sandbox could not start here (${why.slice(0, 200)})`;
      await request.reference();
      const reducedBase = makeScratch('reduced', request.env);
      scratches.push(reducedBase);
      run = await record(
        'reduced',
        reducedBase,
        runtime,
        Promise.resolve(prepared),
        request,
        lineOf,
      );
    } else if (preferred === 'reduced' && fullSandboxRefused) {
      sandboxNote = `the full sandbox could not start here (${fullSandboxRefused.slice(0, 200)})`;
    }
    const stopped = request.signal?.aborted ? (request.signal.reason as StopSignal) : undefined;
    if (stopped)
      throw new InterruptedError(stopped, 'the solution was stopped and nothing was recorded');
    // A reference that fails to import is pixel's fault, whatever the solution did. With the
    // build's answers it is imported only to diagnose a wrong answer: in the full sandbox the
    // solution could neither see nor change it; the reduced one imported it before the run.
    const answers = await answersReady;
    const classification = classifyRun(run);
    const common = {
      sandbox: run.sandbox,
      ...(sandboxNote ? { sandboxNote } : {}),
      output: run.output,
    };
    if (classification.kind === 'not-started') {
      throw new EnvironmentError(
        `${runtime.command} could not start pixel's harness: ${classification.message}`,
        {
          hint:
            language === 'python'
              ? 'check that it is Python 3.8 or newer, or set PIXEL_PYTHON to another interpreter'
              : 'check that Node.js runs normally on this machine',
        },
      );
    }
    if (classification.kind === 'load-failed') {
      return finish({
        ...common,
        failure: loadFailureVerdict(classification.failure),
        results: [],
      });
    }
    const results: CaseResult[] = [];
    for (const [index, outcome] of classification.calls.entries()) {
      const testCase = request.cases[index] as JudgeCase;
      const expected = answers.get(index);
      if (expected instanceof Error) {
        // A broken reference is the judge's fault, never the learner's.
        return finish({
          ...common,
          failure: { verdict: 'judge_error', message: `the reference failed: ${expected.message}` },
          results: [],
        });
      }
      const judgement = judgeCall(
        outcome,
        expected,
        problem.returns,
        problem.comparison,
        { cpuMsPerCase: problem.limits.cpuSecondsPerCase * 1000 },
        testCase.hidden,
      );
      const extracted =
        outcome.status === 'returned' ? extractReturned(problem.returns, outcome.value) : undefined;
      const returned = extracted?.ok ? extracted.numbers : undefined;
      const kind = judgement.comparison?.kind;
      const diagnosis =
        returned && (kind === 'mismatch' || kind === 'not-finite')
          ? diagnose(
              returned,
              variantOutputs(loaded, await request.reference(), testCase),
              problem.comparison,
            )
          : undefined;
      results.push({
        testCase,
        expected,
        outcome,
        judgement,
        ...(returned ? { returned } : {}),
        ...(diagnosis ? { diagnosis } : {}),
      });
      // The first failure decides; later cases never ran or do not count.
      if (judgement.verdict !== 'accepted') break;
    }
    return finish({ ...common, results });
  } finally {
    for (const scratch of scratches) {
      try {
        removeTree(scratch);
      } catch {
        // A scratch folder left in the temporary folder costs nothing but space.
      }
    }
  }
}
