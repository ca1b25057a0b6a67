import type { ChalkInstance } from 'chalk';
import { splitKeys } from '../../shared/ui/key-burst.js';
import {
  loadInk,
  mountControlledScreen,
  useTerminalSize,
  type ControlledScreen,
} from '../../shared/ui/load-ink.js';
import { formatWatchFrame, watchWindow, type WatchFrameOptions } from './watch-frame.js';
import {
  initialWatchState,
  watchKeymap,
  type WatchAction,
  type WatchScroll,
  type WatchState,
} from './watch-state.js';

export type WatchView = ControlledScreen<WatchState, WatchAction>;

/** Where the output is scrolled to, given a key: undefined goes back to the automatic place. */
function scrolled(
  top: number | undefined,
  scroll: WatchScroll,
  frame: WatchFrameOptions,
  state: WatchState,
): number {
  const window = watchWindow(state, { ...frame, ...(top === undefined ? {} : { top }) });
  if (scroll.by === 'top') return 0;
  if (scroll.by === 'end') return window.maxTop;
  return Math.min(Math.max(0, window.top + scroll.by), window.maxTop);
}

/**
 * The ink screen of `pixel watch`. It draws whatever state the controller hands it, turns keys
 * into actions through the pure keymap, scrolls the output itself and follows the terminal's
 * size; it runs nothing itself.
 */
export async function showWatchView(options: {
  chalk: ChalkInstance;
  title: string;
}): Promise<WatchView> {
  const loaded = await loadInk();
  const { React, ink } = loaded;
  const h = React.createElement;

  function Screen(props: { state: WatchState; emit: (action: WatchAction) => void }) {
    const size = useTerminalSize(loaded);
    // The learner's scroll position, until the next run brings the first failure back.
    const [top, setTop] = React.useState<{ runs: number; top: number } | undefined>(undefined);
    const current = top?.runs === props.state.runs ? top.top : undefined;
    const frame: WatchFrameOptions = {
      title: options.title,
      chalk: options.chalk,
      ...size,
      ...(current === undefined ? {} : { top: current }),
    };
    ink.useInput((input, key) => {
      for (const [one, oneKey] of splitKeys(input, key)) {
        const action = watchKeymap(one, oneKey);
        if (!action) continue;
        if (action.type === 'scroll')
          setTop({ runs: props.state.runs, top: scrolled(current, action, frame, props.state) });
        else props.emit(action);
      }
    });
    return h(ink.Text, null, formatWatchFrame(props.state, frame));
  }

  return mountControlledScreen(loaded, Screen, initialWatchState);
}
