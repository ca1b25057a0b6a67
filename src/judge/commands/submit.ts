import { relative } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { ExitCode } from '../../errors.js';
import { buildReport, type SubmissionReport, type TestReport } from '../core/report.js';
import { recordSubmission, type Progress } from '../../shared/core/progress.js';
import { nextStep, type NextStep } from '../../shared/core/next-step.js';
import { builtLessons } from '../../learn/io/lessons.js';
import { measureSpeed } from '../io/speed-line.js';
import { evaluateSolution, type CaseResult } from '../io/evaluate.js';
import { listProblems, loadProblem, referenceLoader } from '../io/problem-store.js';
import { resolveTarget, targetOptionsShape } from '../io/target.js';
import { loadProgress, updateProgress } from '../../shared/io/progress-store.js';
import { formatCaseLine, formatSubmitSummary } from '../ui/judge-format.js';
import { formatNext } from '../../learn/ui/learn-format.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';

export const submitOptionsSchema = z.object({
  ...targetOptionsShape,
  json: z.optional(z.boolean()),
  /** commander's --no-speed sets this to false: no reference runs for the speed line. */
  speed: z.optional(z.boolean()),
});
export type SubmitOptions = z.infer<typeof submitOptionsSchema>;

/** Carriage return + erase line: replaces the live "running" line in a terminal. */
const CLEAR_LINE = '\r\u001b[2K';

function testReport(result: CaseResult): TestReport {
  const { testCase, judgement } = result;
  return {
    id: testCase.id,
    group: testCase.group,
    hidden: testCase.hidden,
    verdict: judgement.verdict,
    timeMs: judgement.timeMs,
    ...(judgement.message === undefined ? {} : { message: judgement.message }),
    ...(result.diagnosis ? { diagnosis: result.diagnosis } : {}),
  };
}

/** The next lesson or problem of the track, as `pixel learn` would say it. */
async function nextAfter(progress: Progress): Promise<NextStep | null> {
  try {
    const { lessons } = await builtLessons().index();
    const available = new Set(listProblems().map((problem) => problem.id));
    return nextStep(lessons, progress, available) ?? null;
  } catch {
    // The verdict matters more than the suggestion: no lessons built, no next step.
    return null;
  }
}

/**
 * The judge: public then hidden cases in a fixed order, first failure decides. Prints a line per
 * case as it finishes (text) or one JSON document, records the submission in the progress file,
 * and sets exit code 1 when the verdict is not accepted.
 */
export async function submit(options: SubmitOptions, context: Context): Promise<SubmissionReport> {
  const target = resolveTarget(options, context.cwd);
  const loaded = loadProblem(target.problem);
  // Imported while the sandbox starts (see evaluateSolution), not before.
  const reference = referenceLoader(loaded);
  const chalk = await chalkFor(context.color && !options.json);
  const columns = context.stdout.columns;
  // Progress belongs on stderr (DESIGN); only when both streams are the same kind of terminal.
  const live = context.stdout.isTTY && context.stderr.isTTY && !options.json;
  const descriptions = new Map(loaded.cases.map((testCase) => [testCase.id, testCase.description]));

  if (!options.json) {
    context.stdout.write(
      `Judging ${chalk.bold(loaded.problem.id)} (${target.language}, ${relative(context.cwd, target.solutionPath) || target.solutionPath}): ${loaded.cases.length} cases\n`,
    );
  }
  // Ctrl-C, a closed terminal or kill end the sandbox, record nothing and exit 130/129/143.
  const guard = context.guardSignals();
  let evaluation;
  try {
    evaluation = await evaluateSolution({
      loaded,
      reference,
      cases: loaded.cases,
      language: target.language,
      solutionPath: target.solutionPath,
      ...(target.workspaceRoot ? { workspaceRoot: target.workspaceRoot } : {}),
      env: context.env,
      signal: guard.signal,
      // In a terminal, show which case is running; piped output stays stable plain lines.
      onStart: (testCase, index) => {
        if (live)
          context.stderr.write(
            `${CLEAR_LINE}  ${chalk.dim(`… ${testCase.id} running (${index + 1}/${loaded.cases.length})`)}`,
          );
      },
    });
  } finally {
    if (live) context.stderr.write(CLEAR_LINE);
    guard.release();
  }
  if (!options.json) {
    for (const result of evaluation.results) {
      const test = testReport(result);
      context.stdout.write(
        `${formatCaseLine(chalk, { ...test, description: descriptions.get(test.id) ?? '' }, columns)}\n`,
      );
    }
  }

  const report = buildReport({
    problem: loaded.problem.id,
    language: target.language,
    total: loaded.cases.length,
    durationMs: evaluation.durationMs,
    sandbox: evaluation.sandbox,
    tests: evaluation.results.map(testReport),
    ...(evaluation.failure ? { failure: evaluation.failure } : {}),
  });

  // The speed line: only on acceptance, so a wrong answer costs no extra runs.
  if (report.verdict === 'accepted' && options.speed !== false && loaded.problem.speed) {
    const speedGuard = context.guardSignals();
    if (live) context.stderr.write(`  ${chalk.dim('… timing the reference solutions')}`);
    try {
      const speed = await measureSpeed({
        loaded,
        reference,
        language: target.language,
        results: evaluation.results,
        env: context.env,
        signal: speedGuard.signal,
      });
      if (speed) report.speed = speed;
    } finally {
      if (live) context.stderr.write(CLEAR_LINE);
      speedGuard.release();
    }
  }

  // A judge error is pixel's fault, never charged to the learner as an attempt, and only the
  // workspace's own solution counts (a file judged with --problem is practice). The verdict is
  // already on screen: a progress file that cannot be written costs a warning, not the result.
  let progress: Progress | undefined;
  if (report.verdict !== 'judge_error' && target.own) {
    try {
      progress = await updateProgress(context.paths, context.warn, (current) =>
        recordSubmission(current, report.problem, {
          at: context.now().toISOString(),
          language: report.language,
          verdict: report.verdict,
          passed: report.passed,
          total: report.total,
        }),
      );
    } catch (error) {
      context.warn(
        `could not record this submission in your progress: ${(error as Error).message}`,
      );
    }
  }
  if (report.verdict === 'accepted' && target.own) {
    report.next = await nextAfter(progress ?? (await loadProgress(context.paths, context.warn)));
  }

  if (options.json) {
    context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const deciding = evaluation.results.find((result) => result.judgement.verdict !== 'accepted');
    context.stdout.write(
      formatSubmitSummary(chalk, report, {
        ...(deciding
          ? {
              decidingHidden: deciding.testCase.hidden,
              decidingId: deciding.testCase.id,
              decidingGroup: deciding.testCase.group,
            }
          : {}),
        notRun: report.total - evaluation.results.length,
        printedBytes: evaluation.output.bytes,
        columns,
        ...(evaluation.sandboxNote ? { sandboxNote: evaluation.sandboxNote } : {}),
        own: target.own,
        visualised: loaded.problem.visualisation !== undefined,
        ...(context.keys?.hint ? { hintKey: context.keys.hint } : {}),
      }),
    );
    if (report.next !== undefined)
      context.stdout.write(
        `${formatNext(report.next ?? undefined, { width: columns, chalk }, 'Every lesson read and every problem solved: well done.')}\n`,
      );
  }
  if (report.verdict !== 'accepted') context.exitCode = ExitCode.failed;
  return report;
}
