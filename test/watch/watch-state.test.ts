import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import {
  initialWatchState,
  nextJob,
  watchKeymap,
  watchReducer,
  type WatchAction,
} from '../../src/ui/views/watch-state.js';
import { formatWatchFrame } from '../../src/ui/views/watch-frame.js';

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
  it('shows the end of long output so the verdict stays on screen', () => {
    const output = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n');
    const state = reduce({
      type: 'finished',
      job: 'test',
      output,
      status: '1/3 examples pass',
      ok: false,
    });
    const frame = formatWatchFrame(state, { title: 'gd · python', rows: 12, chalk: plain });
    const lines = frame.split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe('pixel watch · gd · python · 1/3 examples pass');
    expect(frame).toContain('… 43 lines above');
    expect(frame).toContain('line 50');
    expect(frame).not.toContain('line 7\n');
    expect(lines.at(-1)).toContain('s submit');
  });

  it('says what is running', () => {
    const state = reduce({ type: 'request', job: 'submit' }, { type: 'started', job: 'submit' });
    expect(
      formatWatchFrame(state, { title: 't', rows: 10, chalk: plain }).split('\n')[0],
    ).toContain('judging…');
  });
});
