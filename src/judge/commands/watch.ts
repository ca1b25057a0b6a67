import * as z from 'zod/mini';
import type { Context, OutputStream } from '../../context.js';
import { ExitCode, InterruptedError, PixelError, type StopSignal } from '../../errors.js';
import { resolveTarget, targetOptionsShape, type Target } from '../io/target.js';
import { watchForChanges } from '../io/watch-file.js';
import { createChalk } from '../../shared/ui/theme.js';
// Loaded now, before any learner code runs: in the reduced sandbox a solution can write to
// pixel's own files, so nothing of pixel's may be imported after the first run.
import { hint } from './hint.js';
import { submit } from './submit.js';
import { test } from './test-solution.js';
import {
  initialWatchState,
  nextJob,
  watchReducer,
  type WatchAction,
  type WatchJob,
  type WatchState,
} from '../ui/watch-state.js';

export const watchOptionsSchema = z.object({
  ...targetOptionsShape,
  poll: z.optional(z.boolean()),
});
export type WatchOptions = z.infer<typeof watchOptionsSchema>;

export interface JobOutcome {
  output: string;
  status: string;
  ok?: boolean;
  /** The first failing case's id, which the screen shows first. */
  focus?: string;
}

/** A stream that keeps what a job prints, so the watcher can show it in its own frame. */
function bufferStream(like: OutputStream): OutputStream & { text: string } {
  const stream = {
    text: '',
    isTTY: false,
    columns: like.columns,
    rows: like.rows,
    write(chunk: string) {
      stream.text += chunk;
    },
  };
  return stream;
}

/**
 * Runs one job (test, submit or hint) exactly as its own command would, but into a buffer:
 * the same formatting, the same progress records, errors turned into text on the screen
 * instead of ending the watcher.
 */
export async function runWatchJob(
  job: WatchJob,
  target: Target,
  context: Context,
): Promise<JobOutcome> {
  const out = bufferStream(context.stdout);
  const jobContext: Context = {
    ...context,
    stdout: out,
    stderr: out,
    warn: (message) => out.write(`pixel: warning: ${message}\n`),
    exitCode: ExitCode.ok,
  };
  const where = { path: target.solutionPath, problem: target.problem, lang: target.language };
  try {
    if (job === 'test') {
      const result = await test(where, jobContext);
      const ok = result.passed === result.total;
      const failing = result.cases.find((entry) => entry.verdict !== 'accepted');
      // Piped, no key works: the status advertises none.
      const advice = ok && context.keys?.submit ? ` — press ${context.keys.submit} to submit` : '';
      return {
        output: out.text,
        ok,
        status: `${result.passed}/${result.total} examples pass${advice}`,
        ...(failing ? { focus: failing.id } : {}),
      };
    }
    if (job === 'submit') {
      const report = await submit(where, jobContext);
      const failing = report.tests.find((entry) => entry.verdict !== 'accepted');
      return {
        output: out.text,
        ok: report.verdict === 'accepted',
        status: `${report.verdict} (${report.passed}/${report.total})`,
        ...(failing ? { focus: failing.id } : {}),
      };
    }
    const result = await hint({ problem: target.problem }, jobContext);
    return { output: out.text, status: `hint ${result.revealed} of ${result.total}` };
  } catch (error) {
    // A signal ends the watcher itself (see watch()), not just this job.
    if (!(error instanceof PixelError) || error instanceof InterruptedError) throw error;
    const hint = error.hint ? `\nhint: ${error.hint}` : '';
    return {
      output: `${out.text}pixel: ${error.message}${hint}\n`,
      ok: false,
      status: 'could not run',
    };
  }
}

/**
 * Drives the state machine: starts queued jobs one at a time and reports every action with the
 * state it led to, a finished job before the queued one that follows it starts.
 */
export function createController(
  run: (job: WatchJob) => Promise<JobOutcome>,
  onState: (state: WatchState, action: WatchAction) => void,
) {
  let state = initialWatchState;
  let idle: Promise<void> = Promise.resolve();
  const dispatch = (action: WatchAction): void => {
    state = watchReducer(state, action);
    onState(state, action);
    const job = nextJob(state);
    if (!job) return;
    const started: WatchAction = { type: 'started', job };
    state = watchReducer(state, started);
    onState(state, started);
    idle = run(job).then(
      (outcome) => dispatch({ type: 'finished', job, ...outcome }),
      (error: unknown) =>
        dispatch({
          type: 'finished',
          job,
          output: `pixel: internal error: ${String(error)}\n`,
          status: 'failed',
          ok: false,
        }),
    );
  };
  return { dispatch, state: () => state, idle: () => idle };
}

/** Resolves when the signal is aborted (by SIGINT, SIGTERM or SIGHUP). */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * `pixel watch`: re-runs the public examples every time the solution is saved. In a terminal
 * it is a full-screen ink view with keys for submit and hints; piped, it prints each run.
 */
export async function watch(options: WatchOptions, context: Context): Promise<{ runs: number }> {
  const target = resolveTarget(options, context.cwd);
  const interactive = context.stdout.isTTY && context.stdinIsTTY;
  const chalk = createChalk(context.color);
  const view = interactive
    ? await (
        await import('../ui/watch-view.js')
      ).showWatchView({
        chalk,
        title: `${target.problem} · ${target.language}`,
      })
    : undefined;
  // For the watcher's whole life a signal ends the running job's sandbox and then the watcher.
  const guard = context.guardSignals();
  const jobContext: Context = {
    ...context,
    guardSignals: () => ({ signal: guard.signal, release: () => undefined }),
    // On the screen, advice names the keys that do it; piped, the commands.
    ...(view ? { keys: { hint: 'h', submit: 's' } } : {}),
  };
  const controller = createController(
    (job) => runWatchJob(job, target, jobContext),
    (state, action) => {
      // After a signal the run in progress ends unfinished: nothing more to show.
      if (guard.signal.aborted) return;
      if (view) {
        view.draw(state);
        if (state.quit) view.close();
      } else if (action.type === 'finished') {
        const heading = chalk.bold(`[run ${state.runs}] ${state.status}`);
        context.stdout.write(`${state.output.replace(/\n*$/, '\n')}${heading}\n\n`);
      }
    },
  );
  if (!view) {
    context.stderr.write(
      `watching ${target.solutionPath}: every save re-runs the examples; Ctrl-C stops\n`,
    );
  }
  const watcher = watchForChanges(
    target.solutionPath,
    () => controller.dispatch({ type: 'request', job: 'test' }),
    options,
  );
  view?.onAction((action) => controller.dispatch(action));
  controller.dispatch({ type: 'request', job: 'test' });
  try {
    await Promise.race([
      view ? view.closed : new Promise(() => undefined),
      whenAborted(guard.signal),
    ]);
    watcher.close();
    if (guard.signal.aborted) view?.close();
    await controller.idle().catch(() => undefined);
    // The last frame stays on screen; the shell's prompt starts on a line of its own.
    if (view) context.stdout.write('\n');
  } finally {
    guard.release();
  }
  if (guard.signal.aborted) {
    throw new InterruptedError(guard.signal.reason as StopSignal, 'stopped watching');
  }
  return { runs: controller.state().runs };
}
