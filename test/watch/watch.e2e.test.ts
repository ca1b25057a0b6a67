import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PIXEL_BIN,
  hasControlCharacters,
  makeTempDir,
  runPixel,
  waitForText,
} from '../helpers/run-pixel.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const CORRECT = `def gradient_descent(x, y, learning_rate, iterations):
    n = len(x)
    w = b = 0.0
    for _ in range(iterations):
        errors = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = 2 / n * sum(e * xi for e, xi in zip(errors, x))
        db = 2 / n * sum(errors)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b
`;

describe('pixel watch (piped)', () => {
  it('re-runs the examples on every save and stops on Ctrl-C with one line and exit 130', async () => {
    const env = { PIXEL_HOME: join(dir, 'home') };
    const solved = await runPixel(['solve', 'gradient-descent', '--dir', 'ws'], { cwd: dir, env });
    expect(solved.code).toBe(0);
    const workspace = join(dir, 'ws');

    const child = spawn(process.execPath, [PIXEL_BIN, 'watch'], {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: dir, TZ: 'UTC', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    await waitForText(() => stdout, '[run 1] 0/3 examples pass');
    expect(stderr).toContain('every save re-runs the examples');
    expect(await readFile(join(workspace, 'solution.py'), 'utf8')).toContain('TODO');

    await writeFile(join(workspace, 'solution.py'), CORRECT);
    await waitForText(() => stdout, '[run 2] 3/3 examples pass');
    // Piped, no key works, so none is advertised: the commands are.
    expect(stdout).toContain('[run 2] 3/3 examples pass\n');
    expect(stdout).toContain('next: `pixel submit` runs the hidden cases too');
    expect(stdout).not.toMatch(/press [sh]\b/);

    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr.trim().split('\n').at(-1)).toBe('pixel: stopped by SIGINT: stopped watching');
    expect(hasControlCharacters(stdout)).toBe(false);
  });

  it('refuses to start outside a workspace, with exit 2', async () => {
    const run = await runPixel(['watch'], { cwd: dir, env: { PIXEL_HOME: join(dir, 'home') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pixel:');
    expect(run.stderr).toContain('hint:');
  });
});
