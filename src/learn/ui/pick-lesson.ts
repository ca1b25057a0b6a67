import type { ChalkInstance } from 'chalk';
import { splitKeys } from '../../shared/ui/key-burst.js';
import { loadInk } from '../../shared/ui/load-ink.js';
import { formatPickerFrame } from './lesson-picker-frame.js';
import {
  initialPickerState,
  pickerKeymap,
  pickerReducer,
  type PickerEntry,
} from './lesson-picker-state.js';

/**
 * Runs the interactive lesson picker (ink) and resolves with the chosen lesson id, or null
 * when the learner quits. Only `pixel learn --pick` in a terminal gets here.
 */

export interface PickOptions {
  chalk: ChalkInstance;
  columns: number;
  rows: number;
}

export type PickerLibraries = Awaited<ReturnType<typeof loadInk>>;

export interface LessonPickerProps {
  /** Called once, with the chosen lesson id or null when the learner quits. */
  onDone: (chosen: string | null) => void;
}

/** The picker view: draws the frame for the state, forwards keys to the reducer. */
export function createLessonPicker(
  { React, ink }: PickerLibraries,
  entries: readonly PickerEntry[],
  options: PickOptions,
) {
  return function LessonPicker({ onDone }: LessonPickerProps) {
    const [state, dispatch] = React.useReducer(pickerReducer, entries, initialPickerState);
    ink.useInput((input, key) => {
      for (const [one, oneKey] of splitKeys(input, key)) {
        const action = pickerKeymap(one, oneKey);
        if (action) dispatch(action);
      }
    });
    React.useEffect(() => {
      if (state.outcome) onDone(state.outcome.chosen);
    }, [state.outcome, onDone]);
    const frame = formatPickerFrame(state, {
      width: options.columns,
      rows: options.rows,
      chalk: options.chalk,
    });
    return React.createElement(ink.Text, null, frame);
  };
}

export async function pickLesson(
  entries: readonly PickerEntry[],
  options: PickOptions,
): Promise<string | null> {
  const { React, ink } = await loadInk();
  const LessonPicker = createLessonPicker({ React, ink }, entries, options);

  return new Promise((resolve) => {
    let chosen: string | null = null;
    const instance = ink.render(
      React.createElement(LessonPicker, {
        onDone: (id: string | null) => {
          chosen = id;
          // Leave no picker behind: the lesson (or the prompt) takes the screen.
          instance.clear();
          instance.unmount();
        },
      }),
      { exitOnCtrlC: false, patchConsole: false },
    );
    instance.waitUntilExit().then(
      () => resolve(chosen),
      () => resolve(chosen),
    );
  });
}
