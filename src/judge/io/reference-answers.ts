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

export function referenceAnswers(
  loaded: LoadedProblem,
  reference: ReferenceModule,
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
    let answer: ReferenceAnswer;
    try {
      answer = check(index, reference.solve((cases[index] as JudgeCase).input));
    } catch (error) {
      answer = error instanceof Error ? error : new Error(String(error));
    }
    known.set(index, answer);
    return answer;
  };
  return { get, computeAhead: () => onePerTurn(cases.length, get) };
}
