import { sameLayout, withinTolerance } from './compare.js';
import type { ComparisonRule, Mistake } from './problem-schema.js';
import type { NamedNumber } from './shape.js';

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
  /** One entry per variant implementation of that mistake (e.g. one step more, one less). */
  outputs: ReadonlyArray<readonly NamedNumber[]>;
}

function matches(
  got: readonly NamedNumber[],
  output: readonly NamedNumber[],
  rule: ComparisonRule,
) {
  return (
    sameLayout(got, output) &&
    got.every((item, index) =>
      withinTolerance(item.value, (output[index] as NamedNumber).value, rule),
    )
  );
}

/**
 * Names the known mistake that explains a wrong answer: the first mistake (in the problem's
 * order) one of whose variants reproduces what the learner returned, within the tolerance the
 * judge uses (or the mistake's own, recognisedWithin). The order puts specific mistakes before
 * broad ones.
 */
export function diagnose(
  got: readonly NamedNumber[],
  variants: readonly VariantOutputs[],
  rule: ComparisonRule,
): Diagnosis | undefined {
  for (const { mistake, outputs } of variants) {
    const within = mistake.recognisedWithin ?? rule;
    if (outputs.some((output) => matches(got, output, within))) {
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
