/**
 * `pixel watch`, pure: what each key means (keymap) and how the screen's state changes
 * (reducer). The controller runs the commands and the ink view only draws; everything here is
 * tested without a terminal.
 */
import type { KeyInfo } from '../../shared/ui/key-burst.js';

/** What the watcher can run: the public examples, the judge, or the next hint. */
export type WatchJob = 'test' | 'submit' | 'hint';

export interface WatchState {
  /** The job running now, if any. */
  running?: WatchJob;
  /** A job asked for while another ran; it runs next (only the latest request is kept). */
  queued?: WatchJob;
  /** What the last finished job printed (already formatted for the terminal). */
  output: string;
  /** One line about the last finished job, e.g. "3/3 examples pass". */
  status: string;
  /** Whether the last finished job succeeded (all examples passed, accepted). */
  ok?: boolean;
  /** The id of the first failing case in the output, shown first. */
  focus?: string;
  /** How many jobs have finished, shown so the learner sees that a save was noticed. */
  runs: number;
  quit: boolean;
}

export type WatchAction =
  | { type: 'request'; job: WatchJob }
  | { type: 'started'; job: WatchJob }
  | {
      type: 'finished';
      job: WatchJob;
      output: string;
      status: string;
      ok?: boolean;
      focus?: string;
    }
  | { type: 'quit' };

/** Scrolling the output belongs to the screen, not to the jobs: the view handles it. */
export type WatchScroll = { type: 'scroll'; by: number | 'top' | 'end' };

export const initialWatchState: WatchState = {
  output: '',
  status: 'starting…',
  runs: 0,
  quit: false,
};

export function watchReducer(state: WatchState, action: WatchAction): WatchState {
  switch (action.type) {
    case 'request':
      // A save while a run is going on must not be lost, nor start a second run beside it:
      // it waits in `queued` (the latest request wins) until the running job finishes.
      return { ...state, queued: action.job };
    case 'started':
      return {
        ...state,
        running: action.job,
        queued: state.queued === action.job ? undefined : state.queued,
      };
    case 'finished':
      return {
        ...state,
        running: undefined,
        output: action.output,
        status: action.status,
        ok: action.ok,
        focus: action.focus,
        runs: state.runs + 1,
      };
    case 'quit':
      return { ...state, quit: true };
  }
}

/** The job to start now, if any: the queued one, once nothing is running. */
export function nextJob(state: WatchState): WatchJob | undefined {
  return state.running || state.quit ? undefined : state.queued;
}

/** Rows PgUp and PgDn move. */
const PAGE = 10;

/** Keys, rustlings-style single letters; Enter re-runs as well as `r`; arrows scroll. */
export function watchKeymap(input: string, key: KeyInfo): WatchAction | WatchScroll | undefined {
  if (key.escape || (key.ctrl && input === 'c') || input === 'q') return { type: 'quit' };
  if (key.upArrow || input === 'k') return { type: 'scroll', by: -1 };
  if (key.downArrow || input === 'j') return { type: 'scroll', by: 1 };
  if (key.pageUp) return { type: 'scroll', by: -PAGE };
  if (key.pageDown || input === ' ') return { type: 'scroll', by: PAGE };
  if (key.home || input === 'g') return { type: 'scroll', by: 'top' };
  if (key.end || input === 'G') return { type: 'scroll', by: 'end' };
  if (key.return || input === 'r') return { type: 'request', job: 'test' };
  if (input === 's') return { type: 'request', job: 'submit' };
  if (input === 'h') return { type: 'request', job: 'hint' };
  return undefined;
}
