import { withinTolerance, type Tolerance } from './compare.js';
import type { Mistake } from './problem-schema.js';

export interface Diagnosis {
  /** Stable id of the known mistake (problem.json `mistakes[].id`). */
  mistake: string;
  title: string;
  explanation: string;
  fix: string;
}

/** What each known-mistake variant returns on the deciding case. */
export interface VariantOutputs {
  mistake: Mistake;
  /** One entry per variant implementation of that mistake (e.g. one iteration more, one less). */
  outputs: ReadonlyArray<readonly number[]>;
}

function matches(got: readonly number[], output: readonly number[], tolerance: Tolerance) {
  return (
    got.length === output.length &&
    got.every((value, index) => withinTolerance(value, output[index] as number, tolerance))
  );
}

/**
 * Names the known mistake that explains a wrong answer: the first mistake (in the problem's
 * order) one of whose variants reproduces what the learner returned, within the same tolerance
 * the judge uses. The order puts specific mistakes before broad ones.
 */
export function diagnose(
  got: readonly number[],
  variants: readonly VariantOutputs[],
  tolerance: Tolerance,
): Diagnosis | undefined {
  for (const { mistake, outputs } of variants) {
    if (outputs.some((output) => matches(got, output, tolerance))) {
      return {
        mistake: mistake.id,
        title: mistake.title,
        explanation: mistake.explanation,
        fix: mistake.fix,
      };
    }
  }
  return undefined;
}
