import type { JudgeCase } from '../core/problem-schema.js';
import { extractReference, type NamedNumber } from '../core/shape.js';
import { onePerTurn } from './one-per-turn.js';
import type { LoadedProblem, ReferenceModule } from './problem-store.js';

/** What the reference says for one case: its answer, or why it failed (a judge error). */
export type ReferenceAnswer = NamedNumber[] | Error;

export interface ReferenceAnswers {
  get(index: number): ReferenceAnswer;
  /**
   * Works the answers out one case per turn of the event loop (frames are still read between),
   * from the moment the full sandbox is complete: the runtime's start-up leaves this process
   * idle, and from then on the solution cannot see it at all (another PID namespace, no /proc
   * entry for it). In the reduced sandbox the answers are worked out only after the run ended.
   */
  computeAhead(): () => void;
}

/**
 * The answers to `cases`: the build's where it worked them out, else the reference's, which must
 * then be given (see needsReference).
 */
export function referenceAnswers(
  loaded: LoadedProblem,
  reference: ReferenceModule | undefined,
  cases: readonly JudgeCase[],
  allowNonFinite: boolean,
): ReferenceAnswers {
  const { returns } = loaded.problem;
  const known = new Map<number, ReferenceAnswer>();
  const check = (index: number, answer: unknown): ReferenceAnswer => {
    const { id } = cases[index] as JudgeCase;
    const extracted = extractReference(returns, answer);
    if (!extracted.ok) return new Error(`${extracted.problem} on ${id}`);
    if (!allowNonFinite && !extracted.numbers.every((item) => Number.isFinite(item.value)))
      return new Error(`it is not finite on ${id}`);
    return extracted.numbers;
  };
  const get = (index: number): ReferenceAnswer => {
    const cached = known.get(index);
    if (cached) return cached;
    const testCase = cases[index] as JudgeCase;
    let answer: ReferenceAnswer;
    try {
      if (loaded.builtAnswers.has(testCase))
        answer = check(index, loaded.builtAnswers.get(testCase));
      else if (reference) answer = check(index, reference.solve(testCase.input));
      else throw new Error(`no answer was worked out for ${testCase.id}`);
    } catch (error) {
      answer = error instanceof Error ? error : new Error(String(error));
    }
    known.set(index, answer);
    return answer;
  };
  return { get, computeAhead: () => onePerTurn(cases.length, get) };
}

/** Whether some of these cases have no answer from the build, so the reference must run. */
export function needsReference(loaded: LoadedProblem, cases: readonly JudgeCase[]): boolean {
  return cases.some((testCase) => !loaded.builtAnswers.has(testCase));
}
