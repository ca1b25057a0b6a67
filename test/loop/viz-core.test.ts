import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parseDataColumns } from '../../src/viz/core/data-file.js';
import { nextRate } from '../../src/viz/core/rate.js';
import { advance, runToEnd, startRun, vizReducer, type VizSetup } from '../../src/viz/core/run.js';
import { parseVizWords } from '../../src/viz/core/settings.js';
import type { Visualisation } from '../../src/judge/core/problem-schema.js';
import { loadProblem, loadReference, loadVizModel } from '../../src/judge/io/problem-store.js';
import { renderVizFrame } from '../../src/viz/ui/render-frame.js';
import { vizKeymap } from '../../src/viz/ui/viz-keymap.js';

const plain = new Chalk({ level: 0 });
const loaded = loadProblem('gradient-descent');
const viz = loaded.problem.visualisation as Visualisation;
const setup: VizSetup = {
  model: await loadVizModel(loaded),
  steps: 'iterations',
  rate: 'learningRate',
  rateBounds: { min: 0, max: 1 },
};
const reference = await loadReference(loaded);
const example = (id: string) => loaded.cases.find((testCase) => testCase.id === id)!.input;

describe('the run plays the reference itself', () => {
  it('ends on exactly the reference answer for every public case', () => {
    for (const testCase of loaded.cases.filter((c) => !c.hidden)) {
      const run = runToEnd(setup, testCase.input);
      const [w, b] = reference.solve(testCase.input) as [number, number];
      expect(run.state).toEqual({ w, b });
      expect(run.done).toBe(testCase.input.iterations);
    }
  });

  it('measures the mean squared error at every step, from the start', () => {
    const input = example('example-1');
    const run = runToEnd(setup, input);
    expect(run.history).toHaveLength(3);
    // At w = b = 0 the loss is the mean of y²: (4 + 16) / 2.
    expect(run.history[0]).toEqual({ loss: 10 });
    expect(run.history[2]!.loss).toBeLessThan(run.history[1]!.loss!);
  });

  it('steps, plays, pauses and restarts through actions', () => {
    let run = startRun(setup, example('example-2'));
    expect(run).toMatchObject({ done: 0, total: 1000, playing: false });
    run = vizReducer(setup, run, { type: 'step' });
    expect(run.done).toBe(1);
    run = vizReducer(setup, run, { type: 'toggle' });
    expect(run.playing).toBe(true);
    for (let i = 0; i < 40; i++) run = vizReducer(setup, run, { type: 'tick' });
    expect(run.done).toBeGreaterThan(40);
    run = vizReducer(setup, run, { type: 'toggle' });
    const paused = vizReducer(setup, run, { type: 'tick' });
    expect(paused.done).toBe(run.done);
    run = vizReducer(setup, run, { type: 'restart' });
    expect(run).toMatchObject({ done: 0, playing: true, state: { w: 0, b: 0 } });
    expect(vizReducer(setup, run, { type: 'quit' }).quit).toBe(true);
  });

  it('changes the rate mid-run and stops where the numbers stop being finite', () => {
    let run = startRun(setup, { ...example('example-2'), iterations: 10000 });
    for (let i = 0; i < 12; i++) run = vizReducer(setup, run, { type: 'rate', direction: 1 });
    expect(run.input.learningRate).toBe(1);
    run = advance(setup, run, 10000);
    expect(run.diverged).toBeGreaterThan(0);
    expect(run.done).toBe(run.diverged);
    expect(run.playing).toBe(false);
    expect(vizReducer(setup, run, { type: 'step' })).toBe(run);
  });
});

describe('the rate series', () => {
  it('goes 1, 1.5, 2, 3, 5, 7 in each decade, within the bounds', () => {
    const up: number[] = [];
    let rate = 0.01;
    for (let i = 0; i < 7; i++) up.push((rate = nextRate(rate, 1, { min: 0, max: 1 })));
    expect(up).toEqual([0.015, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15]);
    expect(nextRate(0.7, 1, { max: 1 })).toBe(1);
    expect(nextRate(1, 1, { max: 1 })).toBe(1);
    expect(nextRate(0.01, -1, {})).toBe(0.007);
    expect(nextRate(0, 1, { min: 0 })).toBe(0.0001);
    expect(nextRate(0.0001, -1, { min: 0 })).toBe(0);
    expect(nextRate(0.013, 1, {})).toBe(0.015);
  });
});

describe('what the learner types', () => {
  it('reads the declared options, --data and --json, and names the wrong ones', () => {
    const ok = parseVizWords(
      ['--lr', '0.05', '--iterations=200', '--data', 'p.csv', '--json'],
      viz,
      loaded.problem.parameters,
    );
    expect(ok).toEqual({
      ok: true,
      settings: { values: { learningRate: 0.05, iterations: 200 }, dataFile: 'p.csv', json: true },
    });
    const bad = parseVizWords(
      ['--lr', 'fast', '--iterations', '2.5', '--speed', '3', 'extra', '--lr'],
      viz,
      loaded.problem.parameters,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([
      '--lr must be a number, not "fast"',
      '--iterations must be a whole number, not 2.5',
      'unknown option --speed (the options are --lr, --iterations, --data, --json)',
      'unexpected "extra" (the options are --lr, --iterations, --data, --json)',
      '--lr needs a value',
    ]);
  });

  it('reads CSV, whitespace and JSON data files, with a header, and says which line is wrong', () => {
    expect(parseDataColumns('x,y\n1,2\n3, 4\n# note\n5\t6\n', ['x', 'y'])).toEqual({
      ok: true,
      columns: { x: [1, 3, 5], y: [2, 4, 6] },
    });
    expect(parseDataColumns('{"x":[1],"y":[2],"other":3}', ['x', 'y'])).toEqual({
      ok: true,
      columns: { x: [1], y: [2] },
    });
    expect(parseDataColumns('1 2\n3\n', ['x', 'y'])).toEqual({
      ok: false,
      problem: 'line 2 has 1 value; each line needs 2 (x, y)',
    });
    expect(parseDataColumns('x y\n', ['x', 'y'])).toEqual({
      ok: false,
      problem: 'it holds no rows of numbers',
    });
    expect(parseDataColumns('1 2\n3 four\n', ['x', 'y'])).toMatchObject({
      ok: false,
      problem: 'line 2 holds something that is not a number',
    });
  });

  it('maps keys to actions', () => {
    expect(vizKeymap(' ', {})).toEqual({ type: 'toggle' });
    expect(vizKeymap('', { rightArrow: true })).toEqual({ type: 'step' });
    expect(vizKeymap('+', {})).toEqual({ type: 'rate', direction: 1 });
    expect(vizKeymap('-', {})).toEqual({ type: 'rate', direction: -1 });
    expect(vizKeymap('r', {})).toEqual({ type: 'restart' });
    expect(vizKeymap('q', {})).toEqual({ type: 'quit' });
    expect(vizKeymap('c', { ctrl: true })).toEqual({ type: 'quit' });
    expect(vizKeymap('x', {})).toBeUndefined();
  });
});

describe('the line-fit frame', () => {
  const frame = (columns: number, rows: number, interactive = true) =>
    renderVizFrame(runToEnd(setup, { ...example('example-2'), iterations: 200 }), viz, {
      problem: 'gradient-descent',
      columns,
      rows,
      chalk: plain,
      interactive,
    });

  it.each([
    [100, 30],
    [80, 24],
    [40, 16],
    [40, 12],
    [60, 14],
  ])('fits %i × %i with the title first and the keys last', (columns, rows) => {
    const lines = frame(columns, rows).split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows - 1);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
    expect(lines[0]).toMatch(/^pixel viz · gradient-descent/);
    expect(lines.at(-1)).toContain('q quit');
    expect(frame(columns, rows)).toMatch(/step 200 of 200/);
  });

  it('draws the points, the line and the curve, side by side when wide', () => {
    const text = frame(100, 30);
    expect(text).toContain('y ≈ w·x + b');
    expect(text).toContain('loss (log scale)');
    expect(text.match(/•/g)?.length).toBe(5);
    expect(text).toMatch(/[\u2801-\u28ff]/);
    expect(text).toMatch(/w \d\.\d+ · b \d\.\d+ · loss \d/);
  });

  it('piped: no keys, no play state, the end of the run', () => {
    const text = frame(80, 26, false);
    expect(text).not.toContain('q quit');
    expect(text.split('\n')[0]).toBe('pixel viz · gradient-descent · lr 0.01 · ✓ done');
  });

  it('colours the line, points and curve only when chalk has colour', () => {
    const coloured = renderVizFrame(startRun(setup, example('example-2')), viz, {
      problem: 'gradient-descent',
      columns: 80,
      rows: 24,
      chalk: new Chalk({ level: 1 }),
      interactive: true,
    });
    // eslint-disable-next-line no-control-regex
    expect(coloured).toMatch(/\u001b\[36m•/);
    // eslint-disable-next-line no-control-regex
    expect(frame(80, 24)).not.toMatch(/\u001b/);
  });
});

const mb = loadProblem('minibatch-gd');
const mbViz = mb.problem.visualisation as Visualisation;
const mbSetup: VizSetup = {
  model: await loadVizModel(mb),
  steps: 'epochs',
  rate: 'learningRate',
  rateBounds: { min: 0, max: 1 },
};
const mbReference = await loadReference(mb);

describe('minibatch-gd: one step per mini-batch update, x a table of one feature', () => {
  const mbExample = (id: string) => mb.cases.find((testCase) => testCase.id === id)!.input;
  const updates = (input: Record<string, unknown>) =>
    (input.epochs as number) *
    Math.ceil((input.x as unknown[]).length / (input.batchSize as number));

  it('ends on exactly the reference answer, after epochs × ⌈n/B⌉ updates, on every public case', () => {
    for (const testCase of mb.cases.filter((c) => !c.hidden)) {
      const run = runToEnd(mbSetup, testCase.input);
      const [weights, bias] = mbReference.solve(testCase.input) as [number[], number];
      expect(run.done, testCase.id).toBe(updates(testCase.input));
      expect(run.total, testCase.id).toBe(run.done);
      weights.forEach((w, j) => expect(run.state[`weights[${j}]`], testCase.id).toBe(w));
      expect(run.state.bias, testCase.id).toBe(bias);
    }
  });

  it("takes the batches in order, the last one shorter: the lesson's worked epoch", () => {
    // x = [[1], [2], [3]], B = 2, α = 0.1: rows 1–2 give (1, 0.6), then row 3 alone (2.44, 1.08).
    let run = startRun(mbSetup, mbExample('example-1'));
    expect(run.total).toBe(4);
    run = vizReducer(mbSetup, run, { type: 'step' });
    expect(run.state['weights[0]']).toBeCloseTo(1, 12);
    expect(run.state.bias).toBeCloseTo(0.6, 12);
    run = vizReducer(mbSetup, run, { type: 'step' });
    expect(run.state['weights[0]']).toBeCloseTo(2.44, 12);
    expect(run.state.bias).toBeCloseTo(1.08, 12);
    // The next epoch starts again at rows 1–2.
    run = vizReducer(mbSetup, run, { type: 'step' });
    run = vizReducer(mbSetup, run, { type: 'step' });
    expect(run.state['weights[0]']).toBeCloseTo(1.644, 12);
    expect(vizReducer(mbSetup, run, { type: 'step' })).toBe(run);
  });

  it('measures the loss of all rows: it jitters with batches of 2 and settles with one batch', () => {
    const input = mbExample('example-4');
    const tail = (run: ReturnType<typeof runToEnd>) =>
      run.history.slice(-12).map((measures) => measures.loss!);
    const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
    const minibatch = runToEnd(mbSetup, input);
    const fullBatch = runToEnd(mbSetup, { ...input, batchSize: 12 });
    expect(minibatch.total).toBe(180);
    expect(fullBatch.total).toBe(30);
    expect(spread(tail(minibatch))).toBeGreaterThan(0.05);
    expect(spread(tail(fullBatch))).toBeLessThan(1e-3);
    expect(Math.min(...tail(fullBatch))).toBeLessThan(Math.min(...tail(minibatch)));
  });

  it('restarts at the current rate with the velocities back at zero', () => {
    let run = startRun(mbSetup, mbExample('example-4'));
    run = advance(mbSetup, run, 7);
    run = vizReducer(mbSetup, run, { type: 'rate', direction: -1 });
    expect(run.input.learningRate).toBe(0.03);
    run = vizReducer(mbSetup, run, { type: 'restart' });
    expect(run).toMatchObject({ done: 0, total: 180, playing: true });
    expect(run.state).toEqual({ 'weights[0]': 0, bias: 0, 'vw[0]': 0, vb: 0 });
  });

  it('reads its own options', () => {
    const parsed = parseVizWords(
      ['--batch-size', '12', '--momentum=0', '--epochs', '5'],
      mbViz,
      mb.problem.parameters,
    );
    expect(parsed).toEqual({
      ok: true,
      settings: { values: { batchSize: 12, momentum: 0, epochs: 5 }, json: false },
    });
  });

  const mbFrame = (columns: number, rows: number, interactive = true) =>
    renderVizFrame(runToEnd(mbSetup, mbExample('example-4')), mbViz, {
      problem: 'minibatch-gd',
      columns,
      rows,
      chalk: plain,
      interactive,
    });

  it.each([
    [100, 30],
    [80, 24],
    [40, 16],
    [40, 12],
  ])('fits %i × %i, plotting the first column of x', (columns, rows) => {
    const text = mbFrame(columns, rows);
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows - 1);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
    expect(lines[0]).toMatch(/^pixel viz · minibatch-gd/);
    expect(lines.at(-1)).toContain('q quit');
    expect(text).toMatch(/step 180 of 180/);
  });

  it('draws the twelve rows, the line of weights[0] and bias, and the velocities', () => {
    const text = mbFrame(100, 30);
    expect(text).toContain('y ≈ weights[0]·x + bias');
    expect(text).toContain('loss (log scale)');
    expect(text.match(/•/g)?.length).toBe(12);
    expect(text).toMatch(
      /weights\[0\] 2\.1439 · bias 0\.65368 · vw\[0\] [\d.-]+ · vb [\d.-]+ · loss 0\.45/,
    );
    expect(mbFrame(80, 26, false).split('\n')[0]).toBe(
      'pixel viz · minibatch-gd · lr 0.05 · ✓ done',
    );
  });
});
