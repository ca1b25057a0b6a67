/**
 * The lesson picker's logic, pure: what each key means (keymap) and how the state changes
 * (reducer). The ink view only draws the state and forwards keys, so everything here is
 * tested without a terminal.
 */
import type { KeyInfo } from '../../shared/ui/key-burst.js';

export interface PickerEntry {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  aliases: readonly string[];
  read: boolean;
}

export interface PickerState {
  /** Every lesson, in curriculum order. */
  entries: readonly PickerEntry[];
  /** What the learner has typed to narrow the list. */
  filter: string;
  /** Index into the filtered list. */
  cursor: number;
  /** Set when the learner has decided: the lesson id, or null for "quit". */
  outcome?: { chosen: string | null };
}

export type PickerAction =
  | { type: 'move'; by: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'open' }
  /** Escape: clears the filter first, quits when there is none. */
  | { type: 'back' }
  | { type: 'quit' };

const PAGE = 5;

export function initialPickerState(entries: readonly PickerEntry[]): PickerState {
  // Start on the first lesson not read yet: the likeliest choice.
  const firstUnread = entries.findIndex((entry) => !entry.read);
  return { entries, filter: '', cursor: Math.max(0, firstUnread) };
}

/** The lessons matching the filter (id, alias or title, case-insensitively). */
export function visibleEntries(state: PickerState): readonly PickerEntry[] {
  const filter = state.filter.trim().toLowerCase();
  if (filter === '') return state.entries;
  return state.entries.filter(
    (entry) =>
      entry.id.includes(filter) ||
      entry.title.toLowerCase().includes(filter) ||
      entry.aliases.some((alias) => alias.includes(filter)),
  );
}

export function pickerKeymap(input: string, key: KeyInfo): PickerAction | undefined {
  if (key.ctrl && (input === 'c' || input === 'd')) return { type: 'quit' };
  if (key.ctrl && input === 'p') return { type: 'move', by: -1 };
  if (key.ctrl && input === 'n') return { type: 'move', by: 1 };
  if (key.upArrow) return { type: 'move', by: -1 };
  if (key.downArrow || key.tab) return { type: 'move', by: 1 };
  if (key.pageUp) return { type: 'move', by: -PAGE };
  if (key.pageDown) return { type: 'move', by: PAGE };
  if (key.home) return { type: 'first' };
  if (key.end) return { type: 'last' };
  if (key.return) return { type: 'open' };
  if (key.escape) return { type: 'back' };
  if (key.backspace || key.delete) return { type: 'erase' };
  if (key.ctrl || key.meta) return undefined;
  // Printable text (also a paste) narrows the list.
  const text = [...input].filter((char) => char >= ' ' && char !== '\u007f').join('');
  return text === '' ? undefined : { type: 'type', text };
}

function clampCursor(state: PickerState, cursor: number): PickerState {
  const count = visibleEntries(state).length;
  return { ...state, cursor: count === 0 ? 0 : Math.min(Math.max(cursor, 0), count - 1) };
}

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  if (state.outcome) return state;
  switch (action.type) {
    case 'move':
      return clampCursor(state, state.cursor + action.by);
    case 'first':
      return clampCursor(state, 0);
    case 'last':
      return clampCursor(state, Number.MAX_SAFE_INTEGER);
    case 'type':
      return clampCursor({ ...state, filter: state.filter + action.text }, 0);
    case 'erase':
      return clampCursor({ ...state, filter: [...state.filter].slice(0, -1).join('') }, 0);
    case 'open': {
      const entry = visibleEntries(state)[state.cursor];
      return entry ? { ...state, outcome: { chosen: entry.id } } : state;
    }
    case 'back':
      return state.filter === ''
        ? { ...state, outcome: { chosen: null } }
        : clampCursor({ ...state, filter: '' }, 0);
    case 'quit':
      return { ...state, outcome: { chosen: null } };
  }
}
