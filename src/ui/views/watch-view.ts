import type { ChalkInstance } from 'chalk';
import { loadInk } from './load-ink.js';
import { formatWatchFrame } from './watch-frame.js';
import {
  initialWatchState,
  watchKeymap,
  type WatchAction,
  type WatchState,
} from './watch-state.js';

export interface WatchView {
  draw(state: WatchState): void;
  onAction(listener: (action: WatchAction) => void): void;
  close(): void;
  closed: Promise<void>;
}

/**
 * The ink screen of `pixel watch`. It draws whatever state the controller hands it and turns
 * keys into actions through the pure keymap; it runs nothing itself.
 */
export async function showWatchView(options: {
  chalk: ChalkInstance;
  title: string;
  rows: number;
}): Promise<WatchView> {
  const { React, ink } = await loadInk();
  const h = React.createElement;
  let listener: (action: WatchAction) => void = () => undefined;

  function Screen(props: { state: WatchState }) {
    ink.useInput((input, key) => {
      const action = watchKeymap(input, key);
      if (action) listener(action);
    });
    return h(
      ink.Text,
      null,
      formatWatchFrame(props.state, {
        title: options.title,
        rows: options.rows,
        chalk: options.chalk,
      }),
    );
  }

  const instance = ink.render(h(Screen, { state: initialWatchState }), {
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const closed = instance.waitUntilExit().then(
    () => undefined,
    () => undefined,
  );
  return {
    draw: (state) => instance.rerender(h(Screen, { state })),
    onAction: (next) => {
      listener = next;
    },
    close: () => instance.unmount(),
    closed,
  };
}
