import { describe, expect, it } from 'vitest';
import { plainChalk } from '../../src/shared/ui/plain-chalk.js';
import { formatPickerFrame } from '../../src/learn/ui/lesson-picker-frame.js';
import { createLessonPicker } from '../../src/learn/ui/pick-lesson.js';
import {
  initialPickerState,
  pickerKeymap,
  pickerReducer,
  visibleEntries,
  type PickerAction,
  type PickerEntry,
  type PickerState,
} from '../../src/learn/ui/lesson-picker-state.js';

function entry(id: string, title: string, read: boolean, aliases: string[] = []): PickerEntry {
  return { id, title, summary: `All about ${title.toLowerCase()}.`, minutes: 5, aliases, read };
}

const ENTRIES = [
  entry('mlops', 'MLOps in production', true),
  entry('linear-regression', 'Linear regression', false, ['linreg']),
  entry('mse', 'Mean squared error', false),
  entry('gradient-descent', 'Gradient descent', false, ['gd']),
];

function run(actions: PickerAction[], state: PickerState = initialPickerState(ENTRIES)) {
  return actions.reduce(pickerReducer, state);
}

describe('pickerKeymap', () => {
  it.each([
    ['', { upArrow: true }, { type: 'move', by: -1 }],
    ['', { downArrow: true }, { type: 'move', by: 1 }],
    ['', { tab: true }, { type: 'move', by: 1 }],
    ['p', { ctrl: true }, { type: 'move', by: -1 }],
    ['n', { ctrl: true }, { type: 'move', by: 1 }],
    ['', { pageDown: true }, { type: 'move', by: 5 }],
    ['', { home: true }, { type: 'first' }],
    ['', { end: true }, { type: 'last' }],
    ['', { return: true }, { type: 'open' }],
    ['', { escape: true }, { type: 'back' }],
    ['', { backspace: true }, { type: 'erase' }],
    ['c', { ctrl: true }, { type: 'quit' }],
    ['g', {}, { type: 'type', text: 'g' }],
    ['gd', {}, { type: 'type', text: 'gd' }],
  ])('%j %j → %j', (input, key, action) => {
    expect(pickerKeymap(input, key)).toEqual(action);
  });

  it('ignores other control keys', () => {
    expect(pickerKeymap('x', { ctrl: true })).toBeUndefined();
    expect(pickerKeymap('\u0007', {})).toBeUndefined();
  });
});

describe('pickerReducer', () => {
  it('starts on the first lesson not read', () => {
    expect(initialPickerState(ENTRIES).cursor).toBe(1);
  });

  it('moves within the list and stops at its ends', () => {
    expect(run([{ type: 'move', by: -5 }]).cursor).toBe(0);
    expect(run([{ type: 'move', by: 10 }]).cursor).toBe(3);
    expect(run([{ type: 'last' }, { type: 'first' }]).cursor).toBe(0);
  });

  it('filters by id, alias or title and opens the highlighted lesson', () => {
    const state = run([{ type: 'type', text: 'gd' }]);
    expect(visibleEntries(state).map((e) => e.id)).toEqual(['gradient-descent']);
    expect(run([{ type: 'open' }], state).outcome).toEqual({ chosen: 'gradient-descent' });
    const byTitle = run([{ type: 'type', text: 'SQUARED' }]);
    expect(visibleEntries(byTitle).map((e) => e.id)).toEqual(['mse']);
  });

  it('erases the filter a character at a time', () => {
    const state = run([{ type: 'type', text: 'mse' }, { type: 'erase' }]);
    expect(state.filter).toBe('ms');
  });

  it('opens nothing when nothing matches', () => {
    const state = run([{ type: 'type', text: 'zzz' }, { type: 'open' }]);
    expect(state.outcome).toBeUndefined();
  });

  it('clears the filter on the first escape and quits on the second', () => {
    const once = run([{ type: 'type', text: 'm' }, { type: 'back' }]);
    expect(once.filter).toBe('');
    expect(once.outcome).toBeUndefined();
    expect(run([{ type: 'back' }], once).outcome).toEqual({ chosen: null });
    expect(run([{ type: 'quit' }]).outcome).toEqual({ chosen: null });
  });

  it('ignores keys once decided', () => {
    const decided = run([{ type: 'open' }]);
    expect(
      run(
        [
          { type: 'move', by: 1 },
          { type: 'type', text: 'x' },
        ],
        decided,
      ),
    ).toBe(decided);
  });
});

describe('formatPickerFrame', () => {
  it('shows the list, the highlighted lesson and its summary', () => {
    const frame = formatPickerFrame(run([{ type: 'move', by: 1 }]), {
      width: 60,
      rows: 20,
      chalk: plainChalk(),
    });
    expect(frame).toMatchInlineSnapshot(`
      "Pick a lesson (1 of 4 read)
      type to filter

        ✓ mlops              MLOps in production  5 min
          linear-regression  Linear regression    5 min
      ›   mse                Mean squared error   5 min
          gradient-descent   Gradient descent     5 min

        All about mean squared error.

      ↑/↓ move · type to filter · enter read · esc quit"
    `);
  });

  it('scrolls a list taller than the screen and says how many are hidden', () => {
    const frame = formatPickerFrame(run([{ type: 'last' }]), {
      width: 60,
      rows: 10,
      chalk: plainChalk(),
    });
    expect(frame).toContain('› ');
    expect(frame).toContain('gradient-descent');
    expect(frame).toMatch(/… 1 more/);
  });
});

describe('the ink view', () => {
  it('draws the first frame with ink', async () => {
    const [React, ink] = await Promise.all([import('react'), import('ink')]);
    const LessonPicker = createLessonPicker({ React, ink }, ENTRIES, {
      chalk: plainChalk(),
      columns: 60,
      rows: 20,
    });
    const output = ink.renderToString(
      React.createElement(LessonPicker, { onDone: () => undefined }),
      { columns: 60 },
    );
    expect(output).toContain('Pick a lesson (1 of 4 read)');
    expect(output).toContain('›   linear-regression');
  });
});
