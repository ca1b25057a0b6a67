import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTempDir,
  PIXEL_BIN,
  REPO_ROOT,
  runPixel,
  type PixelRun,
} from '../helpers/run-pixel.js';
import { processesWith, waitForNoProcess } from './judge-helpers.js';

/**
 * Solutions written to fool the judge, run through the real bin/pixel.js: each tries one class
 * of attack from the threat model (README, "The judge's sandbox") and must gain nothing. The
 * sandboxes: full as root (what this machine runs), full as a normal user through a user
 * namespace (setpriv to an unprivileged uid), and reduced (PIXEL_SANDBOX_NAMESPACE=0), for the
 * attacks that sandbox still has to stop.
 */
const linux = process.platform === 'linux';
const isRoot = process.getuid?.() === 0;
const UNPRIVILEGED = 4242;
const asUnprivileged = (command: string[]) =>
  spawnSync('setpriv', [
    `--reuid=${UNPRIVILEGED}`,
    `--regid=${UNPRIVILEGED}`,
    '--clear-groups',
    '--',
    ...command,
  ]).status === 0;
const userNamespaces =
  linux && isRoot && asUnprivileged(['unshare', '--user', '--map-root-user', 'true']);
// A checkout the unprivileged user cannot enter (a clone under a private folder, such as the
// 0700 one `mktemp -d` makes) leaves that user no pixel to run: its attacks are left out, and
// the run says so rather than failing on "Cannot find module".
const checkoutReachable =
  userNamespaces && asUnprivileged([process.execPath, PIXEL_BIN, '--version']);
if (userNamespaces && !checkoutReachable) {
  console.warn(
    `attacks: uid ${UNPRIVILEGED} cannot run ${PIXEL_BIN}; the user-namespace sandbox's attacks are not run`,
  );
}

type Mode = 'full' | 'user' | 'reduced';
const modes: Mode[] = [
  ...(linux ? (['full'] as Mode[]) : []),
  ...(checkoutReachable ? (['user'] as Mode[]) : []),
  'reduced',
];

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-attacks-');
  // The unprivileged user must be able to work in it.
  await chmod(temp.dir, 0o777);
});
afterAll(async () => {
  await temp.cleanup();
});

interface Workspace {
  dir: string;
  home: string;
  pixelHome: string;
  tmp: string;
  env: Record<string, string>;
  prefix: string[];
}

/** A fresh workspace for one attack, with its own HOME, PIXEL_HOME and TMPDIR. */
async function workspace(mode: Mode, language = 'python'): Promise<Workspace> {
  const root = join(temp.dir, randomUUID());
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  await mkdir(home, { recursive: true });
  await mkdir(tmp);
  const pixelHome = join(root, 'pixel-home');
  const env: Record<string, string> = {
    HOME: home,
    PIXEL_HOME: pixelHome,
    TMPDIR: tmp,
    ...(mode === 'reduced' ? { PIXEL_SANDBOX_NAMESPACE: '0' } : {}),
    // The unprivileged user cannot enter /root, where this machine keeps pyenv.
    ...(mode === 'user' ? { PATH: '/usr/local/bin:/usr/bin:/bin' } : {}),
  };
  const prefix =
    mode === 'user'
      ? ['setpriv', `--reuid=${UNPRIVILEGED}`, `--regid=${UNPRIVILEGED}`, '--clear-groups', '--']
      : [];
  const made = await runPixel(['solve', 'gradient-descent', '--lang', language, '--dir', 'ws'], {
    cwd: root,
    env,
  });
  expect(made.code, made.stderr).toBe(0);
  if (mode === 'user') spawnSync('chown', ['-R', `${UNPRIVILEGED}:${UNPRIVILEGED}`, root]);
  return { dir: join(root, 'ws'), home, pixelHome, tmp, env, prefix };
}

// A case with an unusual answer (w = 1.8164444444444445), so finding its bytes means something.
const ONE_CASE = '{"x":[1,2,3],"y":[2,5,7],"learningRate":0.05,"iterations":3}';

function pixel(
  ws: Workspace,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<PixelRun> {
  return runPixel(args, {
    cwd: ws.dir,
    env: { ...ws.env, ...extraEnv },
    prefix: ws.prefix,
    timeoutMs: 120_000,
  });
}

/** `pixel test --input … --json` on one small case: what the solution printed, and the verdict. */
async function probe(ws: Workspace, source: string, file = 'solution.py', extraEnv = {}) {
  await writeFile(join(ws.dir, file), source);
  const run = await pixel(ws, ['test', '--input', ONE_CASE, '--json'], extraEnv);
  expect(run.stdout, run.stderr).not.toBe('');
  const result = JSON.parse(run.stdout) as {
    sandbox: string;
    cases: Array<{ verdict: string; message?: string; output: string }>;
  };
  return {
    run,
    result,
    case: result.cases[0] as { verdict: string; message?: string; output: string },
  };
}

/** The reference answer of ONE_CASE, computed honestly, for solutions that need a right value. */
const CORRECT_PY = `def solve(x, y, learning_rate, iterations):
    n = len(x)
    w = b = 0.0
    for _ in range(iterations):
        e = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = 2 / n * sum(ei * xi for ei, xi in zip(e, x))
        db = 2 / n * sum(e)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b
`;

describe.each(modes)('attacks on the judge (%s sandbox)', (mode) => {
  const expectedSandbox = mode === 'reduced' ? 'reduced' : 'full';

  it('cannot find the expected value in any process it can see, nor pixel’s environment', async () => {
    const ws = await workspace(mode);
    const canary = `canary-${randomUUID()}`;
    // It knows the right answer (computed honestly) and searches every readable process for the
    // judge's copy of it, as a cheat would search for the hidden ones.
    const source = `${CORRECT_PY}
import os, re, struct
def gradient_descent(x, y, learning_rate, iterations):
    w, b = solve(x, y, learning_rate, iterations)
    needle = struct.pack('<d', w)
    found, scanned = [], 0
    # The judge (an ancestor running pixel.js) is where the answers would be; every visible
    # process is tried for pixel's environment. (The test runner above it has parsed reports.)
    ancestors, pid = set(), os.getppid()
    while pid > 1:
        try:
            if b'pixel.js' in open('/proc/%d/cmdline' % pid, 'rb').read():
                ancestors.add(str(pid))
        except OSError:
            pass
        try:
            pid = int(open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    for pid in [p for p in os.listdir('/proc') if p.isdigit()]:
        if int(pid) == os.getpid():
            continue
        scanned += 1
        try:
            if b'${canary}' in open('/proc/%s/environ' % pid, 'rb').read():
                found.append('environ of %s' % pid)
        except OSError:
            pass
        if pid not in ancestors:
            continue
        try:
            maps = open('/proc/%s/maps' % pid).read().splitlines()
            mem = open('/proc/%s/mem' % pid, 'rb')
            for line in maps:
                m = re.match(r'([0-9a-f]+)-([0-9a-f]+) r', line)
                if not m:
                    continue
                start, end = int(m.group(1), 16), int(m.group(2), 16)
                if end - start > 256 * 2**20:
                    continue
                try:
                    mem.seek(start)
                    if needle in mem.read(end - start):
                        command = open('/proc/%s/cmdline' % pid, 'rb').read().replace(b'\\0', b' ')
                        found.append('memory of %s' % command.decode(errors='replace')[:200])
                        break
                except (OSError, ValueError, OverflowError):
                    pass
        except OSError:
            pass
    print('scanned %d other processes; found: %s' % (scanned, found or 'nothing'))
    return 0.0, 0.0
`;
    const { case: result, result: report } = await probe(ws, source, 'solution.py', {
      PIXEL_ATTACK_CANARY: canary,
    });
    expect(report.sandbox).toBe(expectedSandbox);
    // The judge works the answers out only where the solution cannot see it: never found.
    expect(result.output).not.toContain('memory of');
    if (mode === 'reduced') {
      // Same user, no PID namespace: it sees pixel (and its environment, which is the user's).
      expect(result.output).not.toContain('scanned 0 other processes');
    } else {
      expect(result.output).toContain('scanned 0 other processes; found: nothing');
    }
    expect(result.verdict).toBe('wrong_answer');
  });

  // The reduced sandbox promises no file isolation (README says so).
  it.skipIf(mode === 'reduced')(
    'cannot write outside its folder: home, pixel’s state, pixel’s package, /tmp',
    async () => {
      const ws = await workspace(mode);
      const targets = [
        join(ws.home, 'pwned'),
        join(ws.pixelHome, 'progress.json'),
        join(REPO_ROOT, `pwned-${randomUUID()}`),
        join(ws.tmp, 'pwned'),
      ];
      // Inside the full sandbox: its root (a bind of a folder pixel made on the host), its
      // /dev and the harness folder are read-only too.
      const inside = mode === 'reduced' ? [] : ['/pwned', '/dev/pwned', '/pixel/pwned'];
      const source = `import os
def gradient_descent(x, y, learning_rate, iterations):
    for path in ${JSON.stringify([...targets, ...inside])}:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write('{"formatVersion": 1, "solved": true}')
            print('wrote', path)
        except OSError as error:
            print('refused', path, type(error).__name__)
    return 0.0, 0.0
`;
      const { case: result } = await probe(ws, source);
      expect(result.output).toContain('refused');
      for (const path of inside) expect(result.output).toContain(`refused ${path} OSError`);
      // None of these host paths is even visible inside (it may make its own /work/... copy).
      for (const target of targets) expect(existsSync(target), target).toBe(false);
      expect(await readdir(ws.tmp)).toEqual([]);
      expect(await readdir(ws.home)).toEqual([]);
    },
  );

  it.skipIf(mode === 'reduced')(
    'has no network: a server on 127.0.0.1 sees no connection',
    async () => {
      const ws = await workspace(mode);
      let connections = 0;
      const server: Server = createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      const source = `import socket
def gradient_descent(x, y, learning_rate, iterations):
    try:
        socket.create_connection(('127.0.0.1', ${port}), timeout=2).close()
        print('connected')
    except OSError as error:
        print('no network:', error)
    return 0.0, 0.0
`;
      const { case: result } = await probe(ws, source);
      server.close();
      expect(result.output).toContain('no network');
      expect(connections).toBe(0);
    },
  );

  it('CPU burnt in a child process counts against the case', async () => {
    const ws = await workspace(mode);
    const source = `import subprocess, sys
def gradient_descent(x, y, learning_rate, iterations):
    subprocess.run([sys.executable, '-c', 'while True: pass'])
    return 0.0, 0.0
`;
    const { case: result } = await probe(ws, source);
    expect(result.verdict).toBe('time_limit_exceeded');
    expect(result.message).toMatch(/CPU time/);
  });

  it('memory held by a child process counts against the limit', async () => {
    const ws = await workspace(mode);
    const source = `import subprocess, sys
def gradient_descent(x, y, learning_rate, iterations):
    subprocess.run([sys.executable, '-c', 'import time; x = bytearray(700 * 2**20); time.sleep(60)'])
    return 0.0, 0.0
`;
    const { case: result } = await probe(ws, source);
    expect(result.verdict).toBe('memory_limit_exceeded');
  });

  it('a forged result frame is the learner’s runtime error, never accepted or a judge error', async () => {
    const ws = await workspace(mode);
    const source = `${CORRECT_PY}
import json, os, sys
def gradient_descent(x, y, learning_rate, iterations):
    frame = sys._getframe(1)
    while frame and 'nonce' not in frame.f_locals:
        frame = frame.f_back
    nonce = frame.f_locals['nonce']
    w, b = solve(x, y, learning_rate, iterations)
    forged = {'type': 'result', 'case': 0, 'value': {'t': 'seq', 'n': 2, 'items': [{'t': 'num', 'v': w}, {'t': 'num', 'v': b}]}}
    os.write(3, ('\\n' + nonce + ' ' + json.dumps(forged) + '\\n').encode())
    import time
    time.sleep(1)
    return 0.0, 0.0
`;
    await writeFile(join(ws.dir, 'solution.py'), source);
    const run = await pixel(ws, ['submit', '--json']);
    const report = JSON.parse(run.stdout) as { verdict: string; message: string };
    // Either its own answer (0, 0) or the forged frame arrived first: never accepted.
    expect(['runtime_error', 'wrong_answer']).toContain(report.verdict);
    expect(run.code).toBe(1);
  });

  it('a JavaScript solution re-binding the harness’s writeSync gains nothing', async () => {
    const ws = await workspace(mode, 'javascript');
    const source = `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const original = fs.writeSync;
fs.writeSync = (fd, data, ...rest) => {
  if (fd === 3) {
    const text = Buffer.from(data).toString().replace(/"v":[-0-9.e]+/g, '"v":1');
    return original(fd, Buffer.from(text), ...rest);
  }
  return original(fd, data, ...rest);
};
syncBuiltinESMExports();
export function gradientDescent() {
  return [0, 0];
}
`;
    const { case: result } = await probe(ws, source, 'solution.js');
    expect(result.verdict).not.toBe('accepted');
    expect(result.verdict).not.toBe('judge_error');
  });

  it('replacing the result channel with stdout is a runtime error, not a time limit', async () => {
    const ws = await workspace(mode);
    const source = `import os
def gradient_descent(x, y, learning_rate, iterations):
    os.dup2(1, 3)
    return 0.0, 0.0
`;
    const { case: result } = await probe(ws, source);
    expect(result.verdict).toBe('runtime_error');
    expect(result.message).toContain('file descriptor 3');
  });
});

/** Spawns pixel, waits for the solution to be running, sends a signal, and reports. */
async function interrupt(
  ws: Workspace,
  signal: NodeJS.Signals,
  marker: string,
  beforeKill: () => Promise<void> = () => Promise.resolve(),
) {
  const child = spawn(process.execPath, [PIXEL_BIN, 'submit'], {
    cwd: ws.dir,
    env: { PATH: process.env.PATH, TZ: 'UTC', ...ws.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const started = Date.now();
  while (processesWith(marker).length === 0) {
    if (Date.now() - started > 60_000) throw new Error(`the solution never started:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await beforeKill();
  child.kill(signal);
  return { code: await closed, stdout, stderr };
}

describe.each(modes.filter((mode) => mode !== 'user'))('signals to pixel (%s sandbox)', (mode) => {
  const cases: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  it.each(cases)(
    '%s ends the whole sandbox, leaves nothing, records nothing',
    async (signal, code) => {
      const ws = await workspace(mode);
      const marker = `pixel-signal-${randomUUID()}`;
      await writeFile(
        join(ws.dir, 'solution.py'),
        `import subprocess, sys, time
def gradient_descent(x, y, learning_rate, iterations):
    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', '${marker}'], start_new_session=True)
    time.sleep(600)
`,
      );
      const result = await interrupt(ws, signal, marker);
      expect(result.code).toBe(code);
      expect(result.stderr.trim().split('\n')).toEqual([
        `pixel: stopped by ${signal}: the solution was stopped and nothing was recorded`,
      ]);
      expect(await waitForNoProcess(marker)).toEqual([]);
      // Nothing of the run is left: no process naming its scratch folder, no scratch folder.
      expect(await waitForNoProcess(ws.tmp)).toEqual([]);
      expect(await readdir(ws.tmp)).toEqual([]);
      expect(existsSync(join(ws.pixelHome, 'progress.json'))).toBe(false);
    },
  );
});

describe.skipIf(!linux)('the full sandbox’s scratch folder in the runtime folder', () => {
  it('is made there when TMPDIR is unset, and removed on SIGINT', async () => {
    const ws = await workspace('full');
    const { TMPDIR: _unset, ...env } = ws.env;
    const runtime = { ...ws, env: { ...env, XDG_RUNTIME_DIR: ws.tmp } };
    const marker = `pixel-signal-${randomUUID()}`;
    await writeFile(
      join(ws.dir, 'solution.py'),
      `import subprocess, sys, time\ndef gradient_descent(x, y, learning_rate, iterations):\n    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', '${marker}'])\n    time.sleep(600)\n`,
    );
    const during: string[] = [];
    const result = await interrupt(runtime, 'SIGINT', marker, async () => {
      during.push(...(await readdir(ws.tmp)));
    });
    expect(during).toEqual([expect.stringMatching(/^pixel-judge-/)]);
    expect(result.code).toBe(130);
    expect(await waitForNoProcess(marker)).toEqual([]);
    expect(await readdir(ws.tmp)).toEqual([]);
  });
});

/** A private copy of pixel, so that a solution may scribble on it, or look for it. */
async function copyOfPixel(where = temp.dir): Promise<string> {
  const copy = join(where, `pixel-copy-${randomUUID()}`);
  for (const entry of [
    'package.json',
    'bin',
    'dist',
    'harnesses',
    'problems',
    'lessons',
    'feeds',
  ]) {
    await cp(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
  }
  for (const entry of ['esbuild', '@esbuild']) {
    await cp(join(REPO_ROOT, 'node_modules', entry), join(copy, 'node_modules', entry), {
      recursive: true,
    });
  }
  return copy;
}

/** Runs a copy of pixel (not the checkout's bin) in a workspace. */
function runCopy(copy: string, ws: Workspace, args: string[]): Promise<PixelRun> {
  return runPixel(args, { bin: join(copy, 'bin', 'pixel.js'), cwd: ws.dir, env: ws.env });
}

// pixel installed where the sandbox shares a folder read-only (npm's global prefix under /usr,
// or beside the runtime): its problems and references must still be out of sight.
describe.skipIf(!linux || !isRoot)('pixel installed under a shared folder', () => {
  it('hides its own package from the solution', async () => {
    const ws = await workspace('full');
    const copy = await copyOfPixel('/usr/local/lib');
    try {
      const reference = join(copy, 'problems', 'gradient-descent', 'reference.mjs');
      await writeFile(
        join(ws.dir, 'solution.py'),
        `import os\ndef gradient_descent(*args):\n    print('visible' if os.path.exists(${JSON.stringify(reference)}) else 'hidden', os.path.exists('/usr/local/lib'))\n    return 0.0, 0.0\n`,
      );
      const run = await runCopy(copy, ws, ['test', '--input', ONE_CASE, '--json']);
      const result = JSON.parse(run.stdout) as {
        sandbox: string;
        cases: Array<{ output: string }>;
      };
      expect(result.sandbox).toBe('full');
      expect(result.cases[0]?.output).toBe('hidden True\n');
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe('a TypeScript solution bundled outside the sandbox', () => {
  it('cannot import pixel’s reference (or any file outside its folder) into the bundle', async () => {
    const ws = await workspace('full', 'typescript');
    const reference = join(REPO_ROOT, 'problems', 'gradient-descent', 'reference.mjs');
    await writeFile(
      join(ws.dir, 'solution.ts'),
      `// @ts-nocheck\nimport { solve } from ${JSON.stringify(reference)};\nexport function gradientDescent(x, y, learningRate, iterations) {\n  return solve({ x, y, learningRate, iterations });\n}\n`,
    );
    const run = await pixel(ws, ['submit', '--json']);
    const report = JSON.parse(run.stdout) as { verdict: string; message: string };
    expect(report.verdict).toBe('compile_error');
    expect(report.message).toContain("imports must stay inside your solution's folder");
    expect(run.code).toBe(1);
  });

  it('nor through a symbolic link in its folder, in TypeScript or JavaScript', async () => {
    const reference = join(REPO_ROOT, 'problems', 'gradient-descent', 'reference.mjs');
    for (const language of ['typescript', 'javascript'] as const) {
      const ws = await workspace('full', language);
      const file = language === 'typescript' ? 'solution.ts' : 'solution.js';
      await symlink(reference, join(ws.dir, 'helper.mjs'));
      await writeFile(
        join(ws.dir, file),
        `// @ts-nocheck\nimport { solve } from './helper.mjs';\nexport function gradientDescent(x, y, learningRate, iterations) {\n  return solve({ x, y, learningRate, iterations });\n}\n`,
      );
      const run = await pixel(ws, ['submit', '--json']);
      const report = JSON.parse(run.stdout) as { verdict: string; message: string };
      expect(report.verdict, language).not.toBe('accepted');
      expect(run.code).toBe(1);
    }
  });
});

describe('a package file rewritten by a solution is never run by the judge', () => {
  it.each(modes.filter((mode) => mode !== 'user'))('%s sandbox', async (mode) => {
    const ws = await workspace(mode, 'javascript');
    const copy = await copyOfPixel();
    const marker = join(temp.dir, `payload-ran-${randomUUID()}`);
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`;
    const targets = [
      join(copy, 'node_modules', 'esbuild', 'lib', 'main.js'),
      ...(await readdir(join(copy, 'dist'), { recursive: true }))
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(copy, 'dist', name)),
    ];
    await writeFile(join(ws.dir, 'broken.js'), 'export const x = ;\n');
    await writeFile(
      join(ws.dir, 'solution.js'),
      `import { appendFileSync } from 'node:fs';
for (const target of ${JSON.stringify(targets)}) {
  try {
    appendFileSync(target, ${JSON.stringify(payload)});
  } catch {}
}
await import('./broken.js');
export function gradientDescent() { return [0, 0]; }
`,
    );
    const judged = await runCopy(copy, ws, ['submit', '--json']);
    const report = JSON.parse(judged.stdout) as { verdict: string; message: string };
    expect(report.verdict).toBe('compile_error');
    expect(report.message).toContain('broken.js');
    expect(judged.code).toBe(1);
    // The judging that ran the solution never ran the rewritten files.
    expect(existsSync(marker)).toBe(false);
    const rewritten = await readFile(targets[0] as string, 'utf8');
    expect(rewritten.includes(marker)).toBe(mode === 'reduced');
  });
});
