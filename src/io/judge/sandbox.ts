import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { findDescendants, findSandboxProcesses, readProcStat, readResidentBytes } from './proc.js';

/** Hard OS limits applied with ulimit before the runtime starts (backstops, see below). */
export interface OsLimits {
  /** RLIMIT_CPU for the whole process, in seconds. */
  cpuSeconds: number;
  /** RLIMIT_AS in MiB: generous, because runtimes reserve address space they never touch. */
  addressSpaceMiB: number;
  /** RLIMIT_FSIZE in MiB: no huge files in the scratch folder. */
  fileSizeMiB: number;
}

export interface SandboxSpawn {
  containment: Containment;
  command: string;
  args: readonly string[];
  cwd: string;
  /** The complete environment: nothing of the user's is added. */
  env: Record<string, string>;
  limits: OsLimits;
}

export interface Sandbox {
  child: ChildProcess;
  pid: number;
  stdout: Readable;
  stderr: Readable;
  /** fd 3 in the child: the harness writes results here. */
  results: Readable;
  /** fd 4 in the child: the judge writes the payload here and closes it. */
  control: Writable;
  /** CPU time the process has used, from /proc (undefined off Linux). */
  cpuMs(): number | undefined;
  residentBytes(): number | undefined;
  /** Kills the whole process group and everything that carries the run's token. */
  killAll(): Promise<void>;
  /** Resolves when the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** How the run is contained beyond its process group. */
export type Containment = 'pid-namespace' | 'pid-namespace-user' | 'none';

let probed: Containment | undefined;

/**
 * A PID namespace is the one sweep the kernel guarantees: when the runtime (its init) ends,
 * every process inside is killed, even one that left the group, the session and cleared its
 * environment. `unshare` needs root or unprivileged user namespaces; probe once per process.
 * PIXEL_SANDBOX_NAMESPACE=0 turns it off (to test the fallback sweep).
 */
export function containment(env: NodeJS.ProcessEnv): Containment {
  if (env.PIXEL_SANDBOX_NAMESPACE === '0' || process.platform !== 'linux') return 'none';
  if (probed) return probed;
  const works = (args: string[]) =>
    spawnSync('unshare', [...args, '--pid', '--fork', '--kill-child', 'true'], {
      stdio: 'ignore',
      timeout: 5000,
    }).status === 0;
  probed = works([])
    ? 'pid-namespace'
    : works(['--user', '--map-root-user'])
      ? 'pid-namespace-user'
      : 'none';
  return probed;
}

function namespacePrefix(mode: Containment): string[] {
  if (mode === 'none') return [];
  return [
    'unshare',
    ...(mode === 'pid-namespace-user' ? ['--user', '--map-root-user'] : []),
    '--pid',
    '--fork',
    '--kill-child',
  ];
}

/** The first child of a process (the runtime that unshare forked), from /proc. */
function firstChild(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim();
    const first = Number(text.split(' ')[0]);
    return Number.isInteger(first) && first > 0 ? first : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a program in its own process group (detached), with stdin closed, a scratch cwd, the
 * given environment plus a unique token, and ulimits set by /bin/sh before `exec`, so the
 * limits apply to the runtime itself and to anything it spawns.
 */
export function startSandbox(request: SandboxSpawn): Sandbox {
  const token = randomBytes(16).toString('hex');
  const { cpuSeconds, addressSpaceMiB, fileSizeMiB } = request.limits;
  const script = [
    `ulimit -t ${Math.ceil(cpuSeconds)}`,
    `ulimit -v ${Math.ceil(addressSpaceMiB * 1024)}`,
    // dash counts -f in 512-byte blocks.
    `ulimit -f ${Math.ceil(fileSizeMiB * 2048)}`,
    'ulimit -c 0',
    'exec "$@"',
  ].join('; ');
  const prefix = namespacePrefix(request.containment);
  const shell = ['/bin/sh', '-c', script, 'pixel-sandbox', request.command, ...request.args];
  const [program, ...programArgs] = [...prefix, ...shell] as [string, ...string[]];
  const child = spawn(program, programArgs, {
    cwd: request.cwd,
    env: { ...request.env, PIXEL_SANDBOX_TOKEN: token },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const control = child.stdio[4] as Writable;
  // The child may die before reading its payload; that is reported through its exit.
  control.on('error', () => undefined);
  // Inside a namespace the runtime is unshare's child; its pid appears a moment after spawn.
  let runtime: number | undefined = request.containment === 'none' ? pid : undefined;
  const runtimePid = () => {
    if (runtime === undefined && pid !== undefined) runtime = firstChild(pid);
    return runtime;
  };
  const signal = (target: number, name: NodeJS.Signals) => {
    try {
      process.kill(target, name);
    } catch {
      // Already gone.
    }
  };
  const killAll = async () => {
    if (pid === undefined) return;
    // Freeze the whole tree before killing any of it, so nothing can fork or reap in between;
    // orphans are still in the tree because the runtime is their subreaper (or namespace init).
    const tree = [pid, ...findDescendants(pid)];
    for (const member of tree) signal(member, 'SIGSTOP');
    for (const member of tree) signal(member, 'SIGKILL');
    for (let round = 0; round < 20; round++) {
      signal(-pid, 'SIGKILL');
      const leftovers = findSandboxProcesses(token, pid);
      if (leftovers.length === 0) return;
      for (const leftover of leftovers) signal(leftover, 'SIGKILL');
      // Give the kernel a moment to reap, then look again: a fork bomb may have spawned more.
      await sleep(10);
    }
  };
  return {
    child,
    pid: pid ?? -1,
    stdout: child.stdout as Readable,
    stderr: child.stderr as Readable,
    results: child.stdio[3] as Readable,
    control,
    cpuMs: () => {
      const target = runtimePid();
      return target === undefined ? undefined : readProcStat(target)?.cpuMs;
    },
    residentBytes: () => {
      const target = runtimePid();
      return target === undefined ? undefined : readResidentBytes(target);
    },
    killAll,
    exited,
  };
}
