/**
 * The ink screen of `pixel feed -i`. It draws whatever state the controller hands it and turns
 * keys into actions through the pure keymap; it fetches and opens nothing itself. Ctrl-C and q
 * both end it through ink, which puts the terminal back as it was (raw mode off, cursor shown).
 */
import type { ChalkInstance } from 'chalk';
import {
  loadInk,
  mountControlledScreen,
  type ControlledScreen,
  type ControlledScreenProps,
} from '../../shared/ui/load-ink.js';
import { splitKeys } from '../../shared/ui/key-burst.js';
import { formatReaderFrame } from './feed-reader-frame.js';
import { readerKeymap, type ReaderAction, type ReaderViewState } from './feed-reader-state.js';

export type ReaderView = ControlledScreen<ReaderViewState, ReaderAction>;

export async function showReaderView(
  initial: ReaderViewState,
  options: {
    chalk: ChalkInstance;
    columns: () => number;
    rows: () => number;
    now: Date;
    sourceNames: ReadonlyMap<string, string>;
  },
): Promise<ReaderView> {
  const loaded = await loadInk();
  const { React, ink } = loaded;
  const h = React.createElement;

  function Screen(props: ControlledScreenProps<ReaderViewState, ReaderAction>) {
    ink.useInput((input, key) => {
      const page = Math.max(1, options.rows() - 5);
      // Keys typed faster than a frame (a held key, a paste, or Enter then /) arrive as one
      // string: splitKeys gives them back one by one, and each is read against the state the
      // keys before it left (props.latest), not the last one drawn.
      for (const [one, oneKey] of splitKeys(input, key)) {
        const action = readerKeymap(props.latest(), one, oneKey, page);
        if (action) props.emit(action);
      }
    });
    return h(
      ink.Text,
      null,
      formatReaderFrame(props.state, {
        chalk: options.chalk,
        columns: options.columns(),
        rows: options.rows(),
        now: options.now,
        sourceNames: options.sourceNames,
      }),
    );
  }

  return mountControlledScreen(loaded, Screen, initial);
}
