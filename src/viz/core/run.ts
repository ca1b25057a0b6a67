import type { CaseInput } from '../../judge/core/problem-schema.js';
import { allFinite, type VizModel, type VizState } from './model.js';
import { nextRate } from './rate.js';

/**
 * A visualisation's run, pure: the reference's state after `done` steps, what was measured at
 * every step so far, and whether it plays. Keys and the timer become actions; the reducer
 * calls the reference's step, so every number shown is the reference's own.
 */
export interface VizRun {
  /** The input the steps use now (+ and − change its rate). */
  input: CaseInput;
  state: VizState;
  /** Steps taken. */
  done: number;
  /** Steps the run makes in all (the `steps` parameter, or the model's `total`), 0 for a single picture. */
  total: number;
  /** What `measure` reported after each step, from step 0 (the start) to `done`. */
  history: Array<Record<string, number>>;
  playing: boolean;
  /** The step at which a number stopped being finite: the run stops there. */
  diverged?: number;
  quit: boolean;
}

export type VizAction =
  | { type: 'tick' }
  | { type: 'step' }
  | { type: 'toggle' }
  | { type: 'rate'; direction: 1 | -1 }
  | { type: 'restart' }
  | { type: 'quit' };

export interface VizSetup {
  model: VizModel;
  /** The integer parameter counting the steps, and the number parameter + and − change. */
  steps?: string;
  rate?: string;
  rateBounds?: { min?: number; max?: number };
}

/** How many steps one tick of the timer plays: one at a time at first, then 5% more each tick. */
export function stepsPerTick(done: number): number {
  return Math.max(1, Math.ceil(done * 0.05));
}

function measured(setup: VizSetup, state: VizState, input: CaseInput): Record<string, number> {
  return setup.model.measure?.(state, input) ?? {};
}

export function startRun(setup: VizSetup, input: CaseInput, playing = false): VizRun {
  const state = setup.model.start(input);
  const total =
    setup.steps && setup.model.step
      ? (setup.model.total?.(input) ?? Number(input[setup.steps] ?? 0))
      : 0;
  const first = measured(setup, state, input);
  return {
    input,
    state,
    done: 0,
    total,
    history: [first],
    playing: playing && total > 0,
    quit: false,
    ...(allFinite(state) && allFinite(first) ? {} : { diverged: 0 }),
  };
}

/** Whether the run can take another step. */
export function canStep(run: VizRun): boolean {
  return run.done < run.total && run.diverged === undefined;
}

/** Takes up to `count` steps with the reference's step function. */
export function advance(setup: VizSetup, run: VizRun, count: number): VizRun {
  const { model } = setup;
  if (!model.step) return run;
  let { state, done } = run;
  const history = [...run.history];
  let diverged: number | undefined;
  for (let taken = 0; taken < count && done < run.total; taken++) {
    // Called on the model, as start and measure are: the reference's `visualise` may use `this`.
    state = model.step(state, run.input, done);
    done++;
    const now = measured(setup, state, run.input);
    history.push(now);
    if (!allFinite(state) || !allFinite(now)) {
      diverged = done;
      break;
    }
  }
  const next = { ...run, state, done, history };
  if (diverged !== undefined) return { ...next, diverged, playing: false };
  return { ...next, playing: next.playing && done < run.total };
}

export function vizReducer(setup: VizSetup, run: VizRun, action: VizAction): VizRun {
  switch (action.type) {
    case 'tick':
      return run.playing && canStep(run) ? advance(setup, run, stepsPerTick(run.done)) : run;
    case 'step':
      return canStep(run) ? advance(setup, { ...run, playing: false }, 1) : run;
    case 'toggle':
      return canStep(run) ? { ...run, playing: !run.playing } : run;
    case 'rate': {
      if (!setup.rate) return run;
      const current = Number(run.input[setup.rate] ?? 0);
      const rate = nextRate(current, action.direction, setup.rateBounds ?? {});
      return rate === current ? run : { ...run, input: { ...run.input, [setup.rate]: rate } };
    }
    case 'restart':
      // From the start again, playing, with the rate as it is now: trying a rate is the point.
      return startRun(setup, run.input, true);
    case 'quit':
      return { ...run, quit: true };
  }
}

/** Plays the whole run at once: what piped output and --json show. */
export function runToEnd(setup: VizSetup, input: CaseInput): VizRun {
  const run = startRun(setup, input);
  return run.diverged === undefined ? advance(setup, run, run.total) : run;
}
