import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, PIXEL_BIN, runPixel } from '../helpers/run-pixel.js';
import { hasTmux, startInTmux, type TmuxScreen } from '../helpers/tmux.js';

/** `pixel watch` on a small real terminal: 60 columns by 14 rows, keys typed, screen read. */
const WRONG_SIGN = `def gradient_descent(x, y, learning_rate, iterations):
    n = len(x)
    w = b = 0.0
    for _ in range(iterations):
        errors = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = 2 / n * sum(e * xi for e, xi in zip(errors, x))
        db = 2 / n * sum(errors)
        w, b = w + learning_rate * dw, b + learning_rate * db
    return w, b
`;

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

describe.skipIf(!hasTmux)('pixel watch at 60 × 14', () => {
  it(
    'keeps its header, shows the first failure first, scrolls, says "press h", and leaves the prompt its own line',
    { timeout: 180_000 },
    async () => {
      const env = { PIXEL_HOME: join(temp.dir, 'home') };
      expect((await runPixel(['solve', 'gd', '--dir', 'ws'], { cwd: temp.dir, env })).code).toBe(0);
      await writeFile(join(temp.dir, 'ws', 'solution.py'), WRONG_SIGN);
      const ws = join(temp.dir, 'ws');
      const command = `cd '${ws}' && exec '${process.execPath}' '${PIXEL_BIN}' watch`;
      screen = await startInTmux(['sh', '-c', command], {
        dir: temp.dir,
        env: {
          ...env,
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          TERM: 'xterm-256color',
          LANG: 'C.UTF-8',
          HOME: temp.dir,
        },
        columns: 60,
        rows: 14,
        clearEnv: true,
      });
      let text = await screen.waitFor('0/3 examples pass', 90_000);
      const lines = text.replace(/\n+$/, '').split('\n');
      expect(lines[0]).toBe('pixel watch · gradient-descent · python · 0/3 examples pass');
      expect(lines.length).toBeLessThanOrEqual(14);
      // The first failing example is shown first, under the "above" marker.
      expect(lines[2]).toMatch(/^… \d+ lines above \(↑ PgUp\)$/);
      expect(lines[3]).toMatch(/^example-1 — /);
      expect(lines.at(-1)).toBe('r run · s submit · h hint · ↑↓ scroll · q quit · runs: 1');

      const above = Number(/… (\d+) lines above/.exec(text)?.[1]);
      await screen.send('PageDown');
      text = await screen.waitFor(`… ${above + 10} lines above`);
      expect(text.split('\n')[0]).toMatch(/^pixel watch · /);
      await screen.send('Home');
      await screen.waitFor('Testing solution.py (python) on 3 public examples');

      await screen.send('s');
      text = await screen.waitFor(/wrong_answer \(\d+\/\d+\)/, 120_000);
      // The status matters more than the title: at 60 columns the title gives way.
      expect(text.split('\n')[0]).toMatch(
        /^pixel watch · gradient-descent · pyth… · wrong_answer \(0\/\d+\)$/,
      );
      await screen.send('End');
      text = await screen.waitFor('stuck? press h for the next hint');
      expect(text).not.toContain('pixel hint');

      await screen.send('q');
      text = await screen.waitFor('[exit 0]');
      expect(text).toMatch(/q quit · runs: \d+\n+\[exit 0\]/);
    },
  );
});
