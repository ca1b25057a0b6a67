import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, PIXEL_BIN, runPixel } from '../helpers/run-pixel.js';
import { hasTmux, startInTmux, type TmuxScreen } from '../helpers/tmux.js';

/** `pixel viz` driven as a person would: a real terminal (tmux), keys typed, the screen read. */
let temp: { dir: string; cleanup: () => Promise<void> };
let screen: TmuxScreen | undefined;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  await screen?.close();
  screen = undefined;
  await temp.cleanup();
});

const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: temp.dir,
  PIXEL_HOME: join(temp.dir, 'home'),
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
  ...extra,
});

const stepOf = (text: string) => Number(/step (\d+) of/.exec(text)?.[1] ?? NaN);

describe.skipIf(!hasTmux)('pixel viz in a terminal', () => {
  it(
    'plays, pauses, steps, changes the rate until it diverges, restarts and quits',
    { timeout: 180_000 },
    async () => {
      screen = await startInTmux([process.execPath, PIXEL_BIN, 'viz', 'gradient-descent'], {
        dir: temp.dir,
        env: env(),
        columns: 100,
        rows: 30,
        clearEnv: true,
      });
      let text = await screen.waitFor('step 0 of 1000');
      expect(text.split('\n')[0]).toBe('pixel viz · gradient-descent · lr 0.01 · ‖ paused');
      expect(text).toContain('space play/pause · → step · +/− lr · r restart · q quit');
      expect(text).toContain('y ≈ w·x + b');
      expect(text).toContain('loss (log scale)');
      expect(text).toContain('w 0 · b 0 · loss 57');

      await screen.send('Right');
      await screen.waitFor('step 1 of 1000');
      await screen.send('Right', 'Right');
      await screen.waitFor('step 3 of 1000');

      await screen.send('Space');
      await screen.waitFor('▶ playing');
      // Playing moves on by itself: wait until it has (a loaded machine may take a while to
      // draw the first step), then pause.
      await screen.waitFor(/step ([4-9]|\d{2,}) of 1000/);
      await screen.send('Space');
      text = await screen.waitFor('‖ paused');
      const paused = stepOf(text);
      expect(paused).toBeGreaterThan(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stepOf(await screen.screen())).toBe(paused);

      // Six presses at once: 0.01 → 0.1, where this data diverges.
      await screen.send('+', '+', '+', '+', '+', '+');
      await screen.waitFor('lr 0.1 ·');
      await screen.send('r');
      await screen.waitFor(/✗ diverg(ed at step \d+|ing: loss ×10\^\d+)/, 60_000);
      // A frame can reach the terminal in more than one write: the screen read as its header
      // arrived may not hold its last line yet, so that line is waited for, not assumed.
      await screen.waitFor('too large a step: − lowers lr, r starts again');
      await screen.send('-', '-');
      await screen.waitFor('lr 0.05 ·');
      await screen.send('r');
      await screen.waitFor('✓ done', 60_000);

      await screen.send('q');
      text = await screen.waitFor('[exit 0]');
      // The terminal is given back: the last frame stays, the shell's line starts on its own.
      expect(text).toMatch(/q quit\n+\[exit 0\]/);
    },
  );

  it(
    'follows a resize down to 40 columns, without colour under NO_COLOR, and Ctrl-C gives the terminal back',
    { timeout: 60_000 },
    async () => {
      screen = await startInTmux(
        [process.execPath, PIXEL_BIN, 'viz', 'gd', '--lr', '0.02', '--iterations', '300'],
        { dir: temp.dir, env: env({ NO_COLOR: '1' }), columns: 100, rows: 30, clearEnv: true },
      );
      await screen.waitFor('step 0 of 300');
      await screen.resize(40, 16);
      const text = await screen.waitFor(/^pixel viz · gradient-descent · lr 0\.02\n‖ paused/);
      const lines = text.replace(/\n+$/, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(16);
      expect(text).toContain('q quit');
      // eslint-disable-next-line no-control-regex
      expect(await screen.screenWithColours()).not.toMatch(/\u001b\[3\dm/);
      await screen.send('C-c');
      await screen.waitFor('[exit 0]');
      // Raw mode is off again: the shell echoes what is typed.
      await screen.send('echo restored', 'Enter');
      await screen.waitFor('restored');
    },
  );

  it('colours the plot when colour is allowed', async () => {
    screen = await startInTmux([process.execPath, PIXEL_BIN, 'viz', 'gd'], {
      dir: temp.dir,
      env: env(),
      columns: 100,
      rows: 30,
      clearEnv: true,
    });
    await screen.waitFor('step 0 of 1000');
    // eslint-disable-next-line no-control-regex
    expect(await screen.screenWithColours()).toMatch(/\u001b\[36m•/);
    await screen.send('q');
    await screen.waitFor('[exit 0]');
  });
});

describe('pixel viz piped, as JSON, and with bad input', () => {
  it('prints the end of the run and a static picture, no keys, no escapes', async () => {
    const run = await runPixel(['viz', 'gd', '--lr', '0.05', '--iterations', '300'], {
      env: { PIXEL_HOME: join(temp.dir, 'home'), COLUMNS: '80' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('pixel viz · gradient-descent · lr 0.05 · ✓ done');
    expect(run.stdout).toContain('step 300 of 300 · w 2.0007 · b 0.99751 · loss 1.13e-6');
    expect(run.stdout).not.toContain('q quit');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/\u001b/);
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('gives the reference numbers as JSON, on data of your own', async () => {
    await writeFile(join(temp.dir, 'points.csv'), 'x,y\n0,1\n1,3\n2,5\n3,7\n');
    const run = await runPixel(
      ['viz', 'gd', '--data', 'points.csv', '--iterations', '2000', '--json'],
      {
        cwd: temp.dir,
        env: { PIXEL_HOME: join(temp.dir, 'home') },
      },
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      points: number;
      steps: number;
      state: { w: number; b: number };
      curve: Array<{ step: number; loss: number }>;
    };
    expect(result.points).toBe(4);
    expect(result.steps).toBe(2000);
    expect(result.state.w).toBeCloseTo(2, 3);
    expect(result.state.b).toBeCloseTo(1, 3);
    expect(result.curve).toHaveLength(101);
    expect(result.curve[0]).toEqual({ step: 0, loss: 21 });
  });

  it('refuses what it cannot use, naming the option', async () => {
    const home = { PIXEL_HOME: join(temp.dir, 'home') };
    await writeFile(join(temp.dir, 'bad.csv'), '1 2\n3\n');
    for (const [args, message] of [
      [['viz', 'gd', '--lr', '2'], 'pixel: --lr must be within 0 … 1, not 2'],
      [['viz', 'gd', '--lr'], 'pixel: --lr needs a value'],
      [
        ['viz', 'gd', '--speed', '3'],
        'pixel: unknown option --speed (the options are --lr, --iterations, --data, --json)',
      ],
      [
        ['viz', 'gd', '--data', 'bad.csv'],
        'pixel: --data bad.csv: line 2 has 1 value; each line needs 2 (x, y)',
      ],
      [['viz', 'gd', '--data', 'missing.csv'], 'pixel: --data: cannot read missing.csv: ENOENT'],
      [['viz', 'nope'], 'pixel: unknown problem "nope"'],
    ] as const) {
      const run = await runPixel([...args], { cwd: temp.dir, env: home });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(message);
      expect(run.stderr).toMatch(/\nhint: /);
    }
  });

  it('lists the problems that have one, with their options', async () => {
    const run = await runPixel(['viz'], {
      cwd: temp.dir,
      env: { PIXEL_HOME: join(temp.dir, 'home') },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^gradient-descent {2}line-fit\n/);
    expect(run.stdout).toContain('  --lr           the learning rate α (0 ≤ α ≤ 1)');
    expect(run.stdout).toContain('  --data FILE    columns x, y');
    expect(run.stdout).toMatch(/\nminibatch-gd {2}line-fit\n/);
    expect(run.stdout).toContain('  --batch-size   rows per update B');
  });
});

describe.skipIf(!hasTmux)('pixel viz minibatch-gd in a terminal', () => {
  it(
    'steps one batch at a time, plays to the end, changes the rate, restarts and quits',
    { timeout: 120_000 },
    async () => {
      screen = await startInTmux([process.execPath, PIXEL_BIN, 'viz', 'minibatch'], {
        dir: temp.dir,
        env: env(),
        columns: 100,
        rows: 30,
        clearEnv: true,
      });
      let text = await screen.waitFor('step 0 of 180');
      expect(text.split('\n')[0]).toBe('pixel viz · minibatch-gd · lr 0.05 · ‖ paused');
      expect(text).toContain('y ≈ weights[0]·x + bias');
      expect(text).toContain('weights[0] 0 · bias 0 · vw[0] 0 · vb 0 · loss 29.827');
      expect(text).toContain('space play/pause · → step · +/− lr · r restart · q quit');
      expect(text.match(/•/g)?.length).toBe(12);

      // One → is one batch of two rows, with its velocity.
      await screen.send('Right');
      text = await screen.waitFor('step 1 of 180');
      // Rows 1 and 2 (x 3.1 and 0.4): errors −6.4 and −2.3, so g_w = −20.76 and g_b = −8.7.
      expect(text).toContain('weights[0] 1.038 · bias 0.435 · vw[0] -20.76 · vb -8.7');

      await screen.send('Space');
      // The status line, not the header: the header is drawn first, and a screen read between
      // the two (a loaded machine) showed the one without the other.
      text = await screen.waitFor(/✓ done[\s\S]*step 180 of 180 · weights/, 30_000);
      expect(text.split('\n')[0]).toBe('pixel viz · minibatch-gd · lr 0.05 · ✓ done');
      expect(text).toContain('step 180 of 180 · weights[0] 2.1439 · bias 0.65368');

      await screen.send('-', '-');
      await screen.waitFor('lr 0.02 ·');
      await screen.send('r');
      text = await screen.waitFor('✓ done', 30_000);
      expect(text.split('\n')[0]).toBe('pixel viz · minibatch-gd · lr 0.02 · ✓ done');

      await screen.send('q');
      text = await screen.waitFor('[exit 0]');
      expect(text).toMatch(/q quit\n+\[exit 0\]/);
    },
  );

  it(
    'fits 40 columns without colour under NO_COLOR; SIGINT ends it with 130 and gives the terminal back',
    { timeout: 60_000 },
    async () => {
      screen = await startInTmux(
        [
          'sh',
          '-c',
          // exec keeps the shell's pid, so the test can signal pixel itself.
          `echo $$ > ${join(temp.dir, 'pid')}; exec "$0" "$@"`,
          process.execPath,
          PIXEL_BIN,
          'viz',
          'minibatch-gd',
          '--batch-size',
          '3',
        ],
        { dir: temp.dir, env: env({ NO_COLOR: '1' }), columns: 40, rows: 16, clearEnv: true },
      );
      const text = await screen.waitFor('step 0 of 120');
      const lines = text.replace(/\n+$/, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(16);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
      expect(text).toContain('q quit');
      // eslint-disable-next-line no-control-regex
      expect(await screen.screenWithColours()).not.toMatch(/\u001b\[3\dm/);
      const pid = Number(await readFile(join(temp.dir, 'pid'), 'utf8'));
      process.kill(pid, 'SIGINT');
      await screen.waitFor('[exit 130]');
      await screen.send('echo restored', 'Enter');
      await screen.waitFor('restored');
    },
  );
});

describe('pixel viz minibatch-gd piped and as JSON', () => {
  it('prints the end of the run and a static picture of the twelve rows', async () => {
    const run = await runPixel(['viz', 'minibatch-gd'], {
      env: { PIXEL_HOME: join(temp.dir, 'home'), COLUMNS: '80' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('pixel viz · minibatch-gd · lr 0.05 · ✓ done');
    expect(run.stdout).toContain('y ≈ weights[0]·x + bias');
    expect(run.stdout).toContain('step 180 of 180 · weights[0] 2.1439 · bias 0.65368');
    expect(run.stdout.match(/•/g)?.length).toBe(12);
    expect(run.stdout).not.toContain('q quit');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/\u001b/);
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('one batch of all rows is full-batch descent; --data fills x with rows of one feature', async () => {
    const full = await runPixel(['viz', 'minibatch-gd', '--batch-size', '12', '--json'], {
      env: { PIXEL_HOME: join(temp.dir, 'home') },
    });
    expect(full.code).toBe(0);
    const result = JSON.parse(full.stdout) as {
      steps: number;
      total: number;
      points: number;
      state: Record<string, number>;
      settings: Record<string, number>;
    };
    expect(result).toMatchObject({ steps: 30, total: 30, points: 12 });
    expect(result.settings).toMatchObject({ batchSize: 12, epochs: 30, x: 12 });
    expect(Object.keys(result.state)).toEqual(['weights[0]', 'bias', 'vw[0]', 'vb']);

    await writeFile(join(temp.dir, 'rows.csv'), 'x,y\n0,1\n1,3\n2,5\n3,7\n');
    const data = await runPixel(
      ['viz', 'minibatch-gd', '--data', 'rows.csv', '--momentum', '0', '--epochs', '400', '--json'],
      { cwd: temp.dir, env: { PIXEL_HOME: join(temp.dir, 'home') } },
    );
    expect(data.code).toBe(0);
    const fitted = JSON.parse(data.stdout) as {
      points: number;
      steps: number;
      state: Record<string, number>;
    };
    expect(fitted.points).toBe(4);
    expect(fitted.steps).toBe(800);
    expect(fitted.state['weights[0]']).toBeCloseTo(2, 3);
    expect(fitted.state.bias).toBeCloseTo(1, 3);
  });

  it('names its own options when one is wrong', async () => {
    const run = await runPixel(['viz', 'minibatch-gd', '--batch-size', '0'], {
      cwd: temp.dir,
      env: { PIXEL_HOME: join(temp.dir, 'home') },
    });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('pixel: --batch-size must be within 1 … 10000, not 0');
  });
});
