import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLaunch } from '../../src/io/judge/languages.js';
import { harnessesRoot } from '../../src/io/judge/problem-store.js';
import { runHarness, type HarnessLimits } from '../../src/io/judge/run-harness.js';
import { containment, type Containment } from '../../src/io/judge/sandbox.js';
import { makeTempDir } from '../helpers/run-pixel.js';
import { waitForNoProcess } from './judge-helpers.js';

/**
 * The runner on its own, with small limits, so the wall-clock, start-up and output limits and
 * the fallback sweep are checked quickly. Sleeping programs use no CPU, so a busy machine
 * cannot make these flaky.
 */
const limits: HarnessLimits = {
  cpuMsPerCall: 4000,
  // Generous by default so a loaded machine never trips them; the timeout tests lower one.
  wallMsPerCall: 60_000,
  startupMs: 60_000,
  memoryBytes: 512 * 2 ** 20,
  outputBytes: 1 << 20,
};

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-runner-');
});
afterAll(async () => {
  await temp.cleanup();
});

function runPython(
  source: string,
  overrides: Partial<HarnessLimits> = {},
  mode: Containment = containment(process.env),
) {
  const launch = resolveLaunch('python', process.env, harnessesRoot(), 512);
  return runHarness({
    containment: mode,
    command: launch.command,
    args: launch.args,
    cwd: temp.dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: temp.dir, ...launch.env },
    payload: {
      source,
      filename: 'solution.py',
      directory: temp.dir,
      entry: 'gradient_descent',
      cases: [[[1, 2], [2, 4], 0.1, 2]],
    },
    limits: { ...limits, ...overrides },
  });
}

describe('runHarness', () => {
  it('returns what the function returned, over the private channel', async () => {
    const run = await runPython(
      'def gradient_descent(x, y, a, n):\n    print("hi")\n    return (1.5, 2)\n',
    );
    expect(run.load).toBeUndefined();
    expect(run.calls).toEqual([
      {
        status: 'returned',
        value: {
          t: 'seq',
          n: 2,
          items: [
            { t: 'num', v: 1.5 },
            { t: 'num', v: 2 },
          ],
        },
        cpuMs: expect.any(Number),
        wallMs: expect.any(Number),
      },
    ]);
    expect(run.output.text).toBe('hi\n');
  });

  it('stops a call that waits past the wall-clock limit', async () => {
    const run = await runPython(
      'import time\ndef gradient_descent(*args):\n    time.sleep(600)\n',
      {
        wallMsPerCall: 1500,
      },
    );
    expect(run.calls).toEqual([{ status: 'killed', reason: 'wall', wallMs: expect.any(Number) }]);
  });

  it('stops a solution that hangs while loading', async () => {
    const run = await runPython('import time\ntime.sleep(600)\n', { startupMs: 1500 });
    expect(run.load).toEqual({ kind: 'killed', reason: 'wall' });
    expect(run.calls).toEqual([]);
  });

  it('stops a flood of output at the cap and keeps only the beginning', async () => {
    const run = await runPython(
      'def gradient_descent(*args):\n    while True:\n        print("x" * 100)\n',
      {
        outputBytes: 100_000,
      },
    );
    expect(run.calls[0]).toMatchObject({ status: 'killed', reason: 'output' });
    expect(run.output.bytes).toBeGreaterThan(100_000);
    expect(run.output.text.length).toBeLessThanOrEqual(64 * 1024);
    expect(run.output.truncated).toBe(true);
  });

  it('without a PID namespace, still sweeps children that keep its environment', async () => {
    const marker = `pixel-runner-child-${randomUUID()}`;
    const source = [
      'import subprocess, sys',
      'def gradient_descent(*args):',
      `    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "${marker}"], start_new_session=True)`,
      '    return (1.32, 0.78)',
    ].join('\n');
    const run = await runPython(source, {}, 'none');
    expect(run.calls[0]).toMatchObject({ status: 'returned' });
    expect(await waitForNoProcess(marker)).toEqual([]);
  });

  it('reports a program that exits during the call', async () => {
    const run = await runPython('import os\ndef gradient_descent(*args):\n    os._exit(7)\n');
    expect(run.calls).toEqual([
      {
        status: 'died',
        message: 'the program exited with code 7 during the call',
        wallMs: expect.any(Number),
      },
    ]);
  });
});
