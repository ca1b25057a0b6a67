import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyRun } from '../../src/judge/core/classify.js';
import { harnessesRoot } from '../../src/judge/io/problem-store.js';
import { caseLine, recordRun, type RunLimits } from '../../src/judge/io/record-run.js';
import { resolveRuntime } from '../../src/judge/io/runtimes.js';
import { fullSandboxAvailable, workFolder, type SandboxKind } from '../../src/judge/io/sandbox.js';
import { waitForNoProcess } from './judge-helpers.js';

/**
 * The recorder on its own, with small limits: what it records for each way a run can end, in
 * both sandboxes. Sleeping programs use no CPU, so a busy machine cannot make these flaky.
 */
const limits: RunLimits = {
  cpuMsPerCall: 4000,
  // Generous by default so a loaded machine never trips them; the timeout tests lower one.
  wallMsPerCall: 60_000,
  startupMs: 60_000,
  memoryBytes: 512 * 2 ** 20,
  outputBytes: 1 << 20,
};
const kinds: SandboxKind[] = fullSandboxAvailable(process.env) ? ['full', 'reduced'] : ['reduced'];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'pixel-record-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function recordPython(
  source: string,
  options: {
    kind: SandboxKind;
    limits?: Partial<RunLimits>;
    cases?: unknown[][];
    /** The setup line comes this much later, or never (there is nothing to run). */
    setupAfterMs?: number | 'never';
  },
) {
  const base = join(scratch, randomUUID());
  await mkdir(join(base, 'root'), { recursive: true });
  await mkdir(join(base, 'src'));
  const runtime = resolveRuntime('python', process.env, base);
  const cases = options.cases ?? [[[1, 2], [2, 4], 0.1, 2]];
  return recordRun({
    sandbox: {
      kind: options.kind,
      base,
      command: runtime.command,
      args: runtime.args,
      runtimeFolders: runtime.folders,
      harnessDir: join(harnessesRoot(), 'python'),
      hide: [],
      env: { PATH: '/usr/bin:/bin', HOME: '{work}', ...runtime.env },
      workBytes: 2 ** 20,
    },
    setup: later(options.setupAfterMs, {
      workdir: workFolder(options.kind, base),
      solution: 'solution.py',
      files: [{ path: 'solution.py', data: Buffer.from(source).toString('base64') }],
      entry: 'gradient_descent',
      ...(options.kind === 'reduced' ? { subreaper: true } : {}),
    }),
    caseCount: cases.length,
    caseLine: (index) => caseLine(index, cases[index] as unknown[]),
    limits: { ...limits, ...options.limits },
  });
}

/** The setup as it is (no delay), or a promise of it (a delay), or of nothing ('never'). */
function later(
  afterMs: number | 'never' | undefined,
  setup: Record<string, unknown>,
): Record<string, unknown> | Promise<Record<string, unknown> | undefined> {
  if (afterMs === undefined) return setup;
  if (afterMs === 'never') return Promise.resolve(undefined);
  return new Promise((resolve) => setTimeout(() => resolve(setup), afterMs));
}

describe.each(kinds)('recordRun in the %s sandbox', (kind) => {
  it('waits for a setup still in the making (a TypeScript bundle) before anything loads', async () => {
    const run = await recordPython('def gradient_descent(*args):\n    return (1.0, 2.0)\n', {
      kind,
      setupAfterMs: 400,
    });
    expect(run).toMatchObject({ started: true, ready: true });
    expect(run.calls.map((call) => call.answer?.type)).toEqual(['result']);
  });

  it('counts the start-up limit from the setup line, not from the spawn', async () => {
    const run = await recordPython('def gradient_descent(*args):\n    return (1.0, 2.0)\n', {
      kind,
      setupAfterMs: 2500,
      limits: { startupMs: 1500 },
    });
    expect(run.limit).toBeUndefined();
    expect(run.calls.map((call) => call.answer?.type)).toEqual(['result']);
  });

  it('ends the sandbox at once, having run nothing, when there is nothing to run', async () => {
    const started = Date.now();
    const run = await recordPython('def gradient_descent(*args):\n    pass\n', {
      kind,
      setupAfterMs: 'never',
    });
    // Not at the start-up limit (60 s here), and not as a limit.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run).toMatchObject({ started: false, ready: false, calls: [] });
    expect(run.limit).toBeUndefined();
    // The harness was never handed a setup to fail on: nothing printed, no traceback.
    expect(run.output.bytes).toBe(0);
  });

  it('records what the function returned, timed by the judge, and what it printed', async () => {
    const run = await recordPython(
      'def gradient_descent(x, y, a, n):\n    print("hi")\n    return (x[0] + 0.5, n)\n',
      {
        kind,
        cases: [
          [[1], [1], 0.1, 2],
          [[2], [1], 0.1, 3],
        ],
      },
    );
    expect(run).toMatchObject({ sandbox: kind, started: true, ready: true, caseCount: 2 });
    expect(run.calls.map((call) => call.answer)).toEqual([
      {
        type: 'result',
        value: {
          t: 'seq',
          n: 2,
          items: [
            { t: 'num', v: 1.5 },
            { t: 'num', v: 2 },
          ],
        },
      },
      {
        type: 'result',
        value: {
          t: 'seq',
          n: 2,
          items: [
            { t: 'num', v: 2.5 },
            { t: 'num', v: 3 },
          ],
        },
      },
    ]);
    expect(run.calls[0]?.wallMs).toBeGreaterThanOrEqual(0);
    expect(run.calls[0]?.cpuMs).toBeGreaterThanOrEqual(0);
    expect(run.output.text).toBe('hi\nhi\n');
  });

  it('stops a call that waits past the wall-clock limit', async () => {
    const run = await recordPython(
      'import time\ndef gradient_descent(*args):\n    time.sleep(600)\n',
      {
        kind,
        limits: { wallMsPerCall: 1000 },
      },
    );
    expect(run.limit).toEqual({ reason: 'wall', during: 'call' });
    expect(classifyRun(run)).toEqual({
      kind: 'ran',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      calls: [{ status: 'killed', reason: 'wall', wallMs: expect.any(Number) }],
    });
  });

  it('stops a solution that hangs while loading', async () => {
    const run = await recordPython('import time\ntime.sleep(600)\n', {
      kind,
      limits: { startupMs: 1500 },
    });
    expect(run).toMatchObject({
      started: true,
      ready: false,
      limit: { reason: 'wall', during: 'load' },
    });
  });

  it('stops a flood of output at the cap and keeps only the beginning', async () => {
    const run = await recordPython(
      'def gradient_descent(*args):\n    while True:\n        print("x" * 100)\n',
      { kind, limits: { outputBytes: 100_000 } },
    );
    expect(run.limit).toEqual({ reason: 'output', during: 'call' });
    expect(run.output.bytes).toBeGreaterThan(100_000);
    expect(run.output.text.length).toBeLessThanOrEqual(64 * 1024);
    expect(run.output.truncated).toBe(true);
  });

  it('does not count a long answer against the output cap, only prints', async () => {
    const run = await recordPython(
      'def gradient_descent(*args):\n    return [0.123456789] * 150000\n',
      { kind, limits: { outputBytes: 64 * 1024 } },
    );
    expect(run.limit).toBeUndefined();
    expect(run.calls[0]?.answer?.type).toBe('result');
  });

  it('counts the memory of a child process against the limit', async () => {
    const source = [
      'import subprocess, sys',
      'def gradient_descent(*args):',
      '    child = subprocess.Popen([sys.executable, "-c", "x = bytearray(200 * 2**20); import time; time.sleep(60)"])',
      '    child.wait()',
    ].join('\n');
    const run = await recordPython(source, { kind, limits: { memoryBytes: 128 * 2 ** 20 } });
    expect(run.limit).toEqual({ reason: 'memory', during: 'call' });
  });

  it('counts CPU burnt in a child process against the call', async () => {
    const source = [
      'import subprocess, sys',
      'def gradient_descent(*args):',
      '    subprocess.run([sys.executable, "-c", "while True: pass"])',
    ].join('\n');
    const run = await recordPython(source, { kind, limits: { cpuMsPerCall: 300 } });
    expect(run.limit).toEqual({ reason: 'cpu', during: 'call' });
  });

  it('ends every process the solution started, even one that left its session', async () => {
    const marker = `pixel-record-child-${randomUUID()}`;
    const source = [
      'import subprocess, sys',
      'def gradient_descent(*args):',
      `    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "${marker}"], start_new_session=True)`,
      '    return (1.32, 0.78)',
    ].join('\n');
    const run = await recordPython(source, { kind });
    expect(run.calls[0]?.answer?.type).toBe('result');
    expect(await waitForNoProcess(marker)).toEqual([]);
  });

  it('records a program that exits during the call', async () => {
    const run = await recordPython('import os\ndef gradient_descent(*args):\n    os._exit(7)\n', {
      kind,
    });
    expect(run.exit.code).toBe(7);
    expect(classifyRun(run)).toEqual({
      kind: 'ran',
      calls: [
        {
          status: 'died',
          message: 'the program exited with code 7 during the call',
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
          wallMs: expect.any(Number),
        },
      ],
    });
  });

  it('treats a frame forged with the harness nonce as a violation, not a result', async () => {
    // Learner code can reach the harness's locals; what it sends must never count.
    const source = [
      'import json, os, sys',
      'def gradient_descent(*args):',
      '    frame = sys._getframe(1)',
      '    while frame and "nonce" not in frame.f_locals:',
      '        frame = frame.f_back',
      '    nonce = frame.f_locals["nonce"]',
      '    os.write(3, ("\\n" + nonce + " " + json.dumps({"type": "result", "case": 1, "value": {"t": "num", "v": 1}}) + "\\n").encode())',
      '    return (1.0, 2.0)',
    ].join('\n');
    const run = await recordPython(source, { kind });
    expect(run.protocolViolation).toBe('an answer for case 1');
    const outcome = classifyRun(run);
    expect(outcome).toMatchObject({ kind: 'ran', calls: [{ status: 'died' }] });
  });

  it('ignores bytes written to the channel without the nonce', async () => {
    const source = [
      'import os',
      'def gradient_descent(*args):',
      '    os.write(3, b"\\nnot-the-nonce {\\"type\\": \\"result\\", \\"case\\": 0}\\n")',
      '    return (1.0, 2.0)',
    ].join('\n');
    const run = await recordPython(source, { kind });
    expect(run.protocolViolation).toBeUndefined();
    expect(run.calls[0]?.answer?.type).toBe('result');
  });
});
