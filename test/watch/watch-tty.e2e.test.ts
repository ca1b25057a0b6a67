import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PIXEL_BIN, makeTempDir, runPixel, waitForText } from '../helpers/run-pixel.js';

/**
 * The interactive screen, driven as a person would: util-linux `script` gives pixel a
 * pseudo-terminal, and keys are typed into it.
 */
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

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

describe.skipIf(!hasScript)('pixel watch in a terminal', () => {
  it('shows the examples, takes keys for a hint and a submission, and quits on q', async () => {
    const env = { PIXEL_HOME: join(dir, 'home') };
    expect(
      (await runPixel(['solve', 'gradient-descent', '--dir', 'ws'], { cwd: dir, env })).code,
    ).toBe(0);
    const workspace = join(dir, 'ws');
    await writeFile(join(workspace, 'solution.py'), WRONG_SIGN);

    const child = spawn(
      'script',
      ['-q', '-e', '-c', `'${process.execPath}' '${PIXEL_BIN}' watch`, '/dev/null'],
      {
        cwd: workspace,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          TERM: 'xterm',
          LANG: 'C.UTF-8',
          COLUMNS: '100',
          LINES: '40',
          ...env,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let raw = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
    // What a person reads: the screen without the escape sequences that draw it.
    // eslint-disable-next-line no-control-regex
    const visible = () => raw.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);

    await waitForText(visible, '0/3 examples pass');
    expect(visible()).toContain('pixel watch');
    expect(visible()).toContain('s submit');

    child.stdin.write('h');
    await waitForText(visible, 'hint 1 of');
    child.stdin.write('s');
    await waitForText(visible, /wrong_answer \(0\/\d+\)/);
    expect(visible()).toContain('likely mistake: the step goes uphill');

    child.stdin.write('q');
    expect(await exited).toBe(0);
    clearTimeout(timer);
  });
});
