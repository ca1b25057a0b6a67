import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../core/problem-schema.js';
import { SOLUTION_FILES, solutionFileName } from '../core/solutions.js';
import { caseWork, workPerSecond, type SpeedEntry, type SpeedReport } from '../core/speed.js';
import { evaluateSolution, type CaseResult } from './evaluate.js';
import type { LoadedProblem, ReferenceModule } from './problem-store.js';
import { monotonicMs } from './clock.js';

/**
 * A call's CPU time over the sandbox's process tree where /proc gives it, else its wall time.
 * CPU time does not grow when other work shares the machine, so the same code timed twice
 * lands within a few percent, where wall time on a busy machine can differ by half.
 */
function timeOf(result: CaseResult): number {
  const { outcome } = result;
  return 'cpuMs' in outcome && typeof outcome.cpuMs === 'number' ? outcome.cpuMs : outcome.wallMs;
}

/**
 * Times the plain and vectorised references of the learner's language on the problem's speed
 * group, in the same sandbox the judge used for the learner's solution, whose own times come
 * from its submission (no extra run). Runs only on acceptance; it informs and never judges.
 */
export async function measureSpeed(request: {
  loaded: LoadedProblem;
  reference: () => Promise<ReferenceModule>;
  language: Language;
  results: readonly CaseResult[];
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}): Promise<SpeedReport | undefined> {
  const { loaded, language } = request;
  const speed = loaded.problem.speed;
  if (!speed) return undefined;
  const cases = loaded.cases.filter((testCase) => testCase.group === speed.group);
  const mine = request.results.filter((result) => result.testCase.group === speed.group);
  if (cases.length === 0 || mine.length !== cases.length) return undefined;
  const work = cases.reduce((sum, testCase) => sum + caseWork(testCase, speed), 0);
  const yourMs = mine.reduce((sum, result) => sum + timeOf(result), 0);
  const started = monotonicMs();
  const references: SpeedEntry[] = [];
  for (const form of SOLUTION_FILES) {
    const file = solutionFileName(form, language);
    const path = file ? join(loaded.dir, 'solutions', file) : undefined;
    if (!file || !path || !existsSync(path)) continue;
    const evaluation = await evaluateSolution({
      loaded,
      reference: request.reference,
      cases,
      language,
      solutionPath: path,
      env: request.env,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const accepted =
      !evaluation.failure &&
      evaluation.results.length === cases.length &&
      evaluation.results.every((result) => result.judgement.verdict === 'accepted');
    if (!accepted) {
      const message =
        evaluation.failure?.message ?? evaluation.results.at(-1)?.judgement.message ?? '';
      references.push({
        file,
        form,
        skipped: /No module named|ModuleNotFoundError/.test(message)
          ? `needs ${/No module named '([^']+)'/.exec(message)?.[1] ?? 'a module'}, not installed here`
          : `did not run (${evaluation.failure?.verdict ?? 'failed'})`,
      });
      continue;
    }
    const ms = evaluation.results.reduce((sum, result) => sum + timeOf(result), 0);
    references.push({ file, form, ms, perSecond: workPerSecond(work, ms) });
  }
  return {
    group: speed.group,
    cases: cases.length,
    unit: speed.unit,
    yours: { ms: yourMs, perSecond: workPerSecond(work, yourMs) },
    references,
    costMs: Math.round(monotonicMs() - started),
  };
}
