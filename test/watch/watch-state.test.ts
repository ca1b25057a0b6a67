import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import {
  initialWatchState,
  nextJob,
  watchKeymap,
  watchReducer,
  type WatchAction,
} from '../../src/judge/ui/watch-state.js';
import { formatWatchFrame, watchWindow } from '../../src/judge/ui/watch-frame.js';
import { splitKeys } from '../../src/shared/ui/key-burst.js';
import {
  initialPickerState,
  pickerKeymap,
  pickerReducer,
  visibleEntries,
} from '../../src/learn/ui/lesson-picker-state.js';

const plain = new Chalk({ level: 0 });
const reduce = (...actions: WatchAction[]) => actions.reduce(watchReducer, initialWatchState);

describe('watch keymap', () => {
  it.each([
    ['q', {}, { type: 'quit' }],
    ['', { escape: true }, { type: 'quit' }],
    ['c', { ctrl: true }, { type: 'quit' }],
    ['r', {}, { type: 'request', job: 'test' }],
    ['', { return: true }, { type: 'request', job: 'test' }],
    ['s', {}, { type: 'request', job: 'submit' }],
    ['h', {}, { type: 'request', job: 'hint' }],
    ['x', {}, undefined],
    ['', { upArrow: true }, { type: 'scroll', by: -1 }],
    ['', { pageDown: true }, { type: 'scroll', by: 10 }],
    ['', { end: true }, { type: 'scroll', by: 'end' }],
  ])('%j %j → %j', (input, key, action) => {
    expect(watchKeymap(input, key)).toEqual(action);
  });
});

describe('watch reducer', () => {
  it('runs one job at a time and keeps the latest request for afterwards', () => {
    let state = reduce({ type: 'request', job: 'test' });
    expect(nextJob(state)).toBe('test');
    state = watchReducer(state, { type: 'started', job: 'test' });
    expect(nextJob(state)).toBeUndefined();
    state = watchReducer(state, { type: 'request', job: 'test' });
    state = watchReducer(state, { type: 'request', job: 'submit' });
    expect(nextJob(state)).toBeUndefined();
    state = watchReducer(state, {
      type: 'finished',
      job: 'test',
      output: 'out',
      status: '3/3',
      ok: true,
    });
    expect(state).toMatchObject({
      output: 'out',
      status: '3/3',
      ok: true,
      runs: 1,
      queued: 'submit',
    });
    expect(nextJob(state)).toBe('submit');
  });

  it('starts nothing once quitting', () => {
    expect(nextJob(reduce({ type: 'request', job: 'test' }, { type: 'quit' }))).toBeUndefined();
  });
});

describe('watch frame', () => {
  const finished = (output: string, focus?: string) =>
    reduce({
      type: 'finished',
      job: 'test',
      output,
      status: '1/3 examples pass',
      ok: false,
      ...(focus ? { focus } : {}),
    });

  it('shows the end of long output when nothing failed to point at, one line short of the screen', () => {
    const output = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n');
    const frame = formatWatchFrame(finished(output), {
      title: 'gd · python',
      rows: 12,
      columns: 80,
      chalk: plain,
    });
    const lines = frame.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('pixel watch · gd · python · 1/3 examples pass');
    expect(frame).toContain('… 44 lines above (↑ PgUp)');
    expect(frame).toContain('line 50');
    expect(frame).not.toContain('line 7\n');
    expect(lines.at(-1)).toContain('s submit');
  });

  it('shows the first failure first, and scrolls from there', () => {
    const output = [
      'Testing solution.py (python) on 3 public examples',
      ...Array.from({ length: 20 }, (_, i) => `example-1 detail ${i}`),
      'example-2 — the second example',
      ...Array.from({ length: 20 }, (_, i) => `example-2 detail ${i}`),
    ].join('\n');
    const state = finished(output, 'example-2');
    const options = { title: 't', rows: 14, columns: 60, chalk: plain };
    const window = watchWindow(state, options);
    expect(window.lines[0]).toBe('… 21 lines above (↑ PgUp)');
    expect(window.lines[1]).toBe('example-2 — the second example');
    expect(window.top).toBe(21);
    const scrolled = watchWindow(state, { ...options, top: 0 });
    expect(scrolled.lines[0]).toBe('Testing solution.py (python) on 3 public examples');
    expect(scrolled.lines.at(-1)).toMatch(/^… \d+ lines below \(↓ PgDn\)$/);
  });

  it('fits 60 × 14: long lines wrap, the header and the keys stay on one line each', () => {
    const long = `example-1 — ${'a very long description '.repeat(8)}`;
    const frame = formatWatchFrame(finished([long, long, long, long].join('\n')), {
      title: 'gradient-descent · python',
      rows: 14,
      columns: 60,
      chalk: plain,
    });
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(13);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^pixel watch · gradient-descent · python · 1\/3 examples pass$/);
    expect(lines.at(-1)).toContain('q quit');
  });

  it('says what is running', () => {
    const state = reduce({ type: 'request', job: 'submit' }, { type: 'started', job: 'submit' });
    expect(
      formatWatchFrame(state, { title: 't', rows: 10, columns: 80, chalk: plain }).split('\n')[0],
    ).toContain('judging…');
  });
});

describe('key bursts', () => {
  it('splits keys that arrived in one read into the keys pressed', () => {
    expect(splitKeys('\u007f\u007f\u007f', {})).toEqual([
      ['', { backspace: true }],
      ['', { backspace: true }],
      ['', { backspace: true }],
    ]);
    expect(splitKeys('ab\r', {})).toEqual([
      ['a', {}],
      ['b', {}],
      ['', { return: true }],
    ]);
    expect(splitKeys('\u0003', { ctrl: true })).toEqual([['\u0003', { ctrl: true }]]);
    expect(splitKeys('q', {})).toEqual([['q', {}]]);
    // Escape sequences (arrows) are ink's to parse.
    expect(splitKeys('\u001b[A', { upArrow: true })).toEqual([['\u001b[A', { upArrow: true }]]);
  });

  it('lets the picker apply six backspaces sent at once', () => {
    const entries = [
      { id: 'mse', title: 'MSE', summary: '', minutes: 1, aliases: [], read: false },
      { id: 'mlops', title: 'MLOps', summary: '', minutes: 1, aliases: [], read: false },
    ];
    let state = pickerReducer(initialPickerState(entries), { type: 'type', text: 'mlopsxx' });
    for (const [input, key] of splitKeys('\u007f'.repeat(6), {})) {
      const action = pickerKeymap(input, key);
      if (action) state = pickerReducer(state, action);
    }
    expect(state.filter).toBe('m');
    expect(visibleEntries(state).map((entry) => entry.id)).toEqual(['mse', 'mlops']);
  });
});
