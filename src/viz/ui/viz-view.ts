import type { VizAction, VizRun } from '../core/run.js';
import { splitKeys } from '../../shared/ui/key-burst.js';
import { loadInk, useTerminalSize } from '../../shared/ui/load-ink.js';
import { vizKeymap } from './viz-keymap.js';

/** How often a playing run advances. */
const TICK_MS = 40;

export interface VizViewOptions {
  initial: VizRun;
  reduce: (run: VizRun, action: VizAction) => VizRun;
  /** The frame for a run at a terminal size. */
  frame: (run: VizRun, size: { columns: number; rows: number }) => string;
  /** Aborted by SIGINT, SIGTERM or SIGHUP: the view closes and gives the terminal back. */
  signal: AbortSignal;
}

/**
 * The ink screen of `pixel viz`: draws the frame of the run, turns keys into actions and the
 * timer into ticks, follows the terminal's size. Resolves with the last run once closed.
 */
export async function showVizView(options: VizViewOptions): Promise<VizRun> {
  const { React, ink } = await loadInk();
  const h = React.createElement;
  let last = options.initial;

  function Screen() {
    const { exit } = ink.useApp();
    const [run, dispatch] = React.useReducer(options.reduce, options.initial);
    const size = useTerminalSize({ React, ink });
    last = run;
    React.useEffect(() => {
      if (!run.playing) return undefined;
      const timer = setInterval(() => dispatch({ type: 'tick' }), TICK_MS);
      return () => clearInterval(timer);
    }, [run.playing]);
    React.useEffect(() => {
      if (run.quit) exit();
    }, [run.quit, exit]);
    React.useEffect(() => {
      const quit = () => dispatch({ type: 'quit' });
      if (options.signal.aborted) quit();
      options.signal.addEventListener('abort', quit, { once: true });
      return () => options.signal.removeEventListener('abort', quit);
    }, []);
    ink.useInput((input, key) => {
      for (const [one, oneKey] of splitKeys(input, key)) {
        const action = vizKeymap(one, oneKey);
        if (action) dispatch(action);
      }
    });
    return h(ink.Text, null, options.frame(run, size));
  }

  const instance = ink.render(h(Screen), { exitOnCtrlC: false, patchConsole: false });
  await instance.waitUntilExit().catch(() => undefined);
  return last;
}
