import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, PIXEL_BIN, runPixel, type PixelRun } from '../helpers/run-pixel.js';
import { waitForNoProcess } from './judge-helpers.js';

/**
 * Files a learner really writes, read as their language reads them, and set-up mistakes that are
 * not attempts: through the real bin/pixel.js.
 */
let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-files-');
});
afterAll(async () => {
  await temp.cleanup();
});

let count = 0;
async function workspace(language: string) {
  const root = join(temp.dir, String(count++));
  await mkdir(root);
  const env = { PIXEL_HOME: join(root, 'home') };
  const made = await runPixel(['solve', 'gradient-descent', '--lang', language, '--dir', 'ws'], {
    cwd: root,
    env,
  });
  expect(made.code, made.stderr).toBe(0);
  const dir = join(root, 'ws');
  const run = (args: string[], extra: Record<string, string> = {}) =>
    runPixel(args, { cwd: dir, env: { ...env, ...extra }, timeoutMs: 120_000 });
  return { dir, env, run, progress: join(root, 'home', 'data', 'progress.json') };
}

const PY_BODY = `    n = len(x)
    w = b = 0.0
    for _ in range(iterations):
        e = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = 2 / n * sum(ei * xi for ei, xi in zip(e, x))
        db = 2 / n * sum(e)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b
`;
const passes = (run: PixelRun) => {
  expect(run.stdout, run.stderr).toContain('3/3 examples passed');
  expect(run.code).toBe(0);
};

describe('solution files are read as their language reads them', () => {
  it('a Python file saved with a UTF-8 BOM', async () => {
    const ws = await workspace('python');
    await writeFile(
      join(ws.dir, 'solution.py'),
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`def gradient_descent(x, y, learning_rate, iterations):\n${PY_BODY}`),
      ]),
    );
    passes(await ws.run(['test']));
  });

  it('a Python file in Latin-1 with a PEP 263 coding cookie', async () => {
    const ws = await workspace('python');
    const text = `# -*- coding: latin-1 -*-\n# Gradient descent, écrit à la main\ndef gradient_descent(x, y, learning_rate, iterations):\n    label = "é"\n    assert len(label) == 1\n${PY_BODY}`;
    await writeFile(join(ws.dir, 'solution.py'), Buffer.from(text, 'latin1'));
    passes(await ws.run(['test']));
  });

  it('a Python compile error without a line number says nothing about "None"', async () => {
    const ws = await workspace('python');
    await writeFile(join(ws.dir, 'solution.py'), 'def gradient_descent(*a):\n    return 1\0\n');
    const run = await ws.run(['test', '--json']);
    const result = JSON.parse(run.stdout) as { cases: Array<{ verdict: string; message: string }> };
    expect(result.cases[0]?.verdict).toBe('compile_error');
    expect(result.cases[0]?.message).not.toMatch(/None/);
  });

  it('Python, JavaScript and TypeScript solutions import a helper module beside them', async () => {
    const py = await workspace('python');
    await writeFile(
      join(py.dir, 'helpers.py'),
      `def step(x, y, w, b, learning_rate):\n    n = len(x)\n    e = [w * xi + b - yi for xi, yi in zip(x, y)]\n    return w - learning_rate * 2 / n * sum(ei * xi for ei, xi in zip(e, x)), b - learning_rate * 2 / n * sum(e)\n`,
    );
    await writeFile(
      join(py.dir, 'solution.py'),
      `from helpers import step\ndef gradient_descent(x, y, learning_rate, iterations):\n    w = b = 0.0\n    for _ in range(iterations):\n        w, b = step(x, y, w, b, learning_rate)\n    return w, b\n`,
    );
    passes(await py.run(['test']));

    const helper = `export function step(x, y, w, b, rate) {
  const n = x.length;
  let dw = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const e = w * x[i] + b - y[i];
    dw += e * x[i];
    db += e;
  }
  return [w - (rate * 2 * dw) / n, b - (rate * 2 * db) / n];
}
`;
    const js = await workspace('javascript');
    await mkdir(join(js.dir, 'lib'));
    await writeFile(join(js.dir, 'lib', 'step.js'), helper);
    await writeFile(
      join(js.dir, 'solution.js'),
      `import { step } from './lib/step.js';\nexport function gradientDescent(x, y, rate, iterations) {\n  let w = 0, b = 0;\n  for (let i = 0; i < iterations; i++) [w, b] = step(x, y, w, b, rate);\n  return [w, b];\n}\n`,
    );
    passes(await js.run(['test']));

    const ts = await workspace('typescript');
    await writeFile(
      join(ts.dir, 'step.ts'),
      helper.replace(
        '(x, y, w, b, rate)',
        '(x: number[], y: number[], w: number, b: number, rate: number): [number, number]',
      ),
    );
    await writeFile(
      join(ts.dir, 'solution.ts'),
      `import { step } from './step';\nexport function gradientDescent(x: number[], y: number[], rate: number, iterations: number): [number, number] {\n  let w = 0, b = 0;\n  for (let i = 0; i < iterations; i++) [w, b] = step(x, y, w, b, rate);\n  return [w, b];\n}\n`,
    );
    passes(await ts.run(['test']));
  });

  it('a JavaScript solution’s prints reach pixel test in the order it made them', async () => {
    // Through console (which asks for the streams itself) and both streams directly: the
    // harness makes each stream synchronous when it is first asked for.
    const js = await workspace('javascript');
    await writeFile(
      join(js.dir, 'solution.js'),
      `export function gradientDescent() {\n  console.log('one');\n  process.stdout.write('two\\n');\n  process.stderr.write('three\\n');\n  console.error('four');\n  return [0, 0];\n}\n`,
    );
    const run = await js.run(['test']);
    expect(run.stdout, run.stderr).toContain('│ one\n    │ two\n    │ three\n    │ four\n');
  });

  it('a TypeScript runtime error points at the learner’s line, not the bundle', async () => {
    const ts = await workspace('typescript');
    await writeFile(
      join(ts.dir, 'solution.ts'),
      `export function gradientDescent(x: number[]): [number, number] {\n  const missing = undefined as unknown as { value: number };\n  return [missing.value, 0];\n}\n`,
    );
    const run = await ts.run(['test', '--json']);
    const result = JSON.parse(run.stdout) as { cases: Array<{ verdict: string; message: string }> };
    expect(result.cases[0]?.verdict).toBe('runtime_error');
    expect(result.cases[0]?.message).toMatch(/\(solution\.ts:3:\d+\)/);
  });
});

describe('set-up mistakes are usage or environment errors, never attempts', () => {
  it('a missing interpreter exits 3 and records no attempt', async () => {
    const ws = await workspace('python');
    const run = await ws.run(['submit'], { PIXEL_PYTHON: '/nonexistent/python3' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^pixel: .*\/nonexistent\/python3/m);
    expect(run.stderr).toMatch(/^hint: /m);
    expect(run.stdout).not.toContain('pixel hint');
    expect(existsSync(ws.progress)).toBe(false);
  });

  it('--lang that does not match the file is a usage error', async () => {
    const ws = await workspace('typescript');
    const inWorkspace = await ws.run(['test', '--lang', 'python']);
    expect(inWorkspace.code).toBe(2);
    expect(inWorkspace.stderr).toContain('set up for typescript');
    const file = await ws.run(['test', 'solution.ts', '--lang', 'python']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('solution.ts is typescript, not python');
  });

  it('a marker pointing outside the workspace is refused', async () => {
    const ws = await workspace('python');
    const marker = join(ws.dir, '.pixel', 'workspace.json');
    const data = JSON.parse(await readFile(marker, 'utf8')) as Record<string, string>;
    await writeFile(marker, JSON.stringify({ ...data, solution: '../../outside.py' }));
    const run = await ws.run(['submit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('points outside the workspace');
  });

  it('a solution that is a device or a pipe is refused, not read forever', async () => {
    const ws = await workspace('python');
    await symlink('/dev/zero', join(ws.dir, 'zero.py'));
    // The file is read while the sandbox starts: refusing it ends that sandbox too.
    const tmp = join(ws.dir, '..', 'tmp');
    await mkdir(tmp);
    const run = await ws.run(['test', 'zero.py'], { TMPDIR: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read the solution file');
    expect(await waitForNoProcess(tmp)).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  });
});

it('a descriptor pixel inherited never reaches the solution', async () => {
  const ws = await workspace('python');
  await writeFile(
    join(ws.dir, 'solution.py'),
    `import os\ndef gradient_descent(*args):\n    print('fds', sorted(int(fd) for fd in os.listdir('/proc/self/fd')))\n    return 0.0, 0.0\n`,
  );
  const extra = openSync(join(temp.dir, 'inherited.txt'), 'w');
  const child = spawn(
    process.execPath,
    [PIXEL_BIN, 'test', '--input', '{"x":[1],"y":[1],"learningRate":0.1,"iterations":1}', '--json'],
    {
      cwd: ws.dir,
      env: { PATH: process.env.PATH, HOME: temp.dir, ...ws.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ignore', 'ignore', 'ignore', 'ignore', extra],
    },
  );
  closeSync(extra);
  let stdout = '';
  (child.stdio[1] as Readable).setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  await new Promise((resolve) => child.on('close', resolve));
  const result = JSON.parse(stdout) as { cases: Array<{ output: string }> };
  // 0-4 are the sandbox's own; the fifth is the listing itself.
  expect(result.cases[0]?.output).toBe('fds [0, 1, 2, 3, 4, 5]\n');
});
