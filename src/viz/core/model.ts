import type { CaseInput } from '../../judge/core/problem-schema.js';

/** What a visualisation shows at one moment: named numbers (`{ w, b }`). */
export type VizState = Record<string, number>;

/**
 * The part of a problem's reference.mjs a visualisation plays (its `visualise` export): where
 * a run starts, one step of it, and what is measured at each moment. Trusted code, loaded by
 * judge/io/problem-store.ts; everything here only calls it.
 */
export interface VizModel {
  start(input: CaseInput): VizState;
  /** One step from `state`; `index` counts the steps before it (0 for the first). */
  step?(state: VizState, input: CaseInput, index: number): VizState;
  measure?(state: VizState, input: CaseInput): Record<string, number>;
  /**
   * How many steps the run makes, when that is not the `steps` parameter itself: mini-batch
   * descent makes epochs × ⌈n/B⌉ updates, and `steps` (epochs) only sets their number.
   */
  total?(input: CaseInput): number;
}

/** Every number of a state, or of what was measured, is finite: the run has not diverged. */
export function allFinite(values: Record<string, number>): boolean {
  return Object.values(values).every(Number.isFinite);
}
