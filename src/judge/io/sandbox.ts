import { spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  constants,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Duplex, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { kernelRandomBytes } from '../../shared/io/kernel-random.js';
import { findTokenProcesses, membersUsage, processTree, type TreeUsage } from './process-tree.js';
import {
  fstabPath,
  fullSandboxArgv,
  INSIDE,
  rootSkeleton,
  sandboxFstab,
  reducedSandboxArgv,
  type FullSandboxPlan,
  type Rlimits,
  type SkeletonEntry,
  type SystemEntry,
} from './sandbox-plan.js';

/** `full`: namespaces and a new root (Linux); `reduced`: process group and rlimits only. */
export type SandboxKind = 'full' | 'reduced';

export interface SandboxRequest {
  kind: SandboxKind;
  /** Scratch folder made by the caller, with empty `root/` and `src/` folders in it. */
  base: string;
  /** The runtime, as a host path (also its path inside: shared at the same place). */
  command: string;
  /** Arguments; `{harness}` is replaced by the harness folder as the program sees it. */
  args: readonly string[];
  /** Host folders the runtime needs besides the system ones (its prefix, site-packages). */
  runtimeFolders: readonly string[];
  harnessDir: string;
  /** Host folders the program must never see, even inside a shared one (pixel, its state). */
  hide: readonly string[];
  /** The complete environment (nothing of the user's is added); `{work}` is replaced. */
  env: Record<string, string>;
  limits: Rlimits;
  /** Bytes the program may store in its work folder. */
  workBytes: number;
}

export interface Sandbox {
  kind: SandboxKind;
  pid: number;
  stdout: Readable;
  stderr: Readable;
  /** fd 3 in the program: the harness writes results here. */
  results: Readable;
  /** The line the full sandbox's set-up writes on fd 3 once it is complete (see sandbox-plan). */
  readyLine?: string;
  /** fd 4 in the program: the judge writes the solution's name and then one case at a time. */
  control: Duplex;
  /** CPU, memory and process count of the whole run right now (undefined without /proc). */
  usage(): TreeUsage | undefined;
  /**
   * The same over the processes the last usage() found, for the reading taken at every call's
   * start and end: a process started since is counted from the next usage() (the judge's poll,
   * every few tens of ms), so CPU can only move between neighbouring calls, never go unseen.
   */
  usageOfKnown(): TreeUsage | undefined;
  /** Ends everything the run started, and resolves once it is gone. */
  killAll(): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The folder a program works in, as it sees it: /work in the full sandbox. */
export function workFolder(kind: SandboxKind, base: string): string {
  return kind === 'full' ? INSIDE.work : join(base, 'src');
}

export function harnessFolder(kind: SandboxKind, harnessDir: string): string {
  return kind === 'full' ? INSIDE.harness : harnessDir;
}

const TOOL_FOLDERS = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function findTool(name: string, path: string | undefined): string | undefined {
  for (const folder of [...(path ?? '').split(delimiter), ...TOOL_FOLDERS]) {
    if (!folder) continue;
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

type Tools = FullSandboxPlan['tools'];
let tools: Tools | null | undefined;

/** util-linux's setpriv and unshare, coreutils' chroot and /bin/sh, once per process. */
function sandboxTools(): Tools | undefined {
  if (tools !== undefined) return tools ?? undefined;
  const found = {
    setpriv: findTool('setpriv', process.env.PATH),
    unshare: findTool('unshare', process.env.PATH),
    chroot: findTool('chroot', process.env.PATH),
    sh: '/bin/sh',
  };
  tools = Object.values(found).every(Boolean) ? (found as Tools) : null;
  return tools ?? undefined;
}

/** The top-level system folders, as they are on this host (folders, or merged-/usr symlinks). */
const SYSTEM_FOLDERS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

function systemEntries(): SystemEntry[] {
  const entries: SystemEntry[] = [];
  for (const path of SYSTEM_FOLDERS) {
    try {
      const info = lstatSync(path);
      if (info.isSymbolicLink())
        entries.push({ kind: 'symlink', path, target: readlinkSync(path) });
      else if (info.isDirectory()) entries.push({ kind: 'dir', path });
    } catch {
      // Not on this system.
    }
  }
  return entries;
}

/** Runtime folders that the system folders do not already cover, each once. */
function extraFolders(folders: readonly string[], system: readonly SystemEntry[]): string[] {
  const covered = system.filter((entry) => entry.kind === 'dir').map((entry) => entry.path);
  const unique: string[] = [];
  const real = folders.flatMap((folder) => {
    try {
      return [realpathSync(folder)];
    } catch {
      return [];
    }
  });
  // Shortest first, so a folder inside another one already shared is skipped.
  for (const folder of [...new Set(real)].sort((a, b) => a.length - b.length)) {
    const inside = (parent: string) => folder === parent || folder.startsWith(`${parent}/`);
    if (folder === '/' || covered.some(inside) || unique.some(inside)) continue;
    unique.push(folder);
  }
  return unique;
}

/** The folders to hide that a shared folder would otherwise show. */
function foldersToHide(
  hide: readonly string[],
  system: readonly SystemEntry[],
  shared: readonly string[],
): string[] {
  const visible = [
    ...system.filter((entry) => entry.kind === 'dir').map((entry) => entry.path),
    ...shared,
  ];
  return hide.flatMap((folder) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return [];
    }
    return visible.some((parent) => real.startsWith(`${parent}/`)) ? [real] : [];
  });
}

/** Makes the new root's skeleton in `root` (an empty folder), as rootSkeleton lists it. */
function makeSkeleton(root: string, entries: readonly SkeletonEntry[]): void {
  for (const entry of entries) {
    const path = join(root, entry.path);
    if (entry.kind === 'dir') mkdirSync(path);
    else if (entry.kind === 'symlink') symlinkSync(entry.target, path);
    else writeFileSync(path, '');
  }
}

/** A uid no account uses, so RLIMIT_NPROC counts only this run's processes. */
function unusedUid(): number {
  return 2_000_000_000 + (kernelRandomBytes(3).readUIntBE(0, 3) % 1_000_000);
}

function fill(text: string, kind: SandboxKind, request: SandboxRequest): string {
  return text
    .replaceAll('{work}', workFolder(kind, request.base))
    .replaceAll('{harness}', harnessFolder(kind, request.harnessDir));
}

/** Whether this machine can have the full sandbox at all (Linux with the tools). */
export function fullSandboxAvailable(env: NodeJS.ProcessEnv): boolean {
  if (env.PIXEL_SANDBOX_NAMESPACE === '0' || process.platform !== 'linux') return false;
  return sandboxTools() !== undefined;
}

/**
 * Starts the program in its own process group (detached), with stdin closed, the given
 * environment, and fds 3 (results, out) and 4 (control, in). Spawned synchronously, so the
 * caller can prepare while the runtime boots.
 */
export function startSandbox(request: SandboxRequest): Sandbox {
  const token = kernelRandomBytes(16).toString('hex');
  const env = Object.fromEntries(
    Object.entries(request.env).map(([key, value]) => [key, fill(value, request.kind, request)]),
  );
  const args = request.args.map((arg) => fill(arg, request.kind, request));
  let argv: string[];
  if (request.kind === 'full') {
    const found = sandboxTools() as Tools;
    const system = systemEntries();
    const mode = process.getuid?.() === 0 ? 'root' : 'user';
    const readOnly = extraFolders(request.runtimeFolders, system);
    const plan: FullSandboxPlan = {
      mode,
      tools: found,
      base: request.base,
      system,
      readOnly,
      hidden: foldersToHide(request.hide, system, readOnly),
      harnessDir: request.harnessDir,
      workBytes: request.workBytes,
      uid: unusedUid(),
      readyLine: `pixel-sandbox-ready-${token}`,
      limits: request.limits,
      command: request.command,
      args,
    };
    makeSkeleton(join(request.base, 'root'), rootSkeleton(plan));
    writeFileSync(fstabPath(plan), sandboxFstab(plan));
    argv = fullSandboxArgv(plan);
  } else {
    argv = reducedSandboxArgv('/bin/sh', request.limits, request.command, args);
    // The reduced sweep finds what the run left behind by this token (see process-tree.ts).
    env.PIXEL_SANDBOX_TOKEN = token;
  }
  const [program, ...programArgs] = argv as [string, ...string[]];
  const child: ChildProcess = spawn(program, programArgs, {
    cwd: join(request.base, 'src'),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? -1;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const control = child.stdio[4] as Duplex;
  // The program may die before reading its cases; that is reported through its exit.
  control.on('error', () => undefined);
  const signal = (target: number, name: NodeJS.Signals) => {
    try {
      process.kill(target, name);
    } catch {
      // Already gone.
    }
  };
  /** The run's processes as the last full look found them (see usageOfKnown). */
  let known: number[] | undefined;
  const killAll = async () => {
    if (pid < 0) return;
    // Freeze the whole tree before killing any of it, so nothing can fork in between. In the
    // full sandbox killing the namespace's init ends everything in it; the reduced one needs
    // the sweep below.
    const tree = processTree(pid);
    for (const member of tree) signal(member, 'SIGSTOP');
    for (const member of tree) signal(member, 'SIGKILL');
    signal(-pid, 'SIGKILL');
    if (request.kind === 'full') return;
    for (let round = 0; round < 20; round++) {
      const leftovers = findTokenProcesses(token, pid);
      if (leftovers.length === 0) return;
      for (const leftover of leftovers) signal(leftover, 'SIGKILL');
      // Give the kernel a moment to reap, then look again: a fork bomb may have spawned more.
      await sleep(10);
    }
  };
  return {
    kind: request.kind,
    pid,
    stdout: child.stdout as Readable,
    stderr: child.stderr as Readable,
    results: child.stdio[3] as Readable,
    ...(request.kind === 'full' ? { readyLine: `pixel-sandbox-ready-${token}` } : {}),
    control,
    usage: () => {
      if (pid < 0) return undefined;
      known = processTree(pid);
      return membersUsage(known);
    },
    usageOfKnown: () => (pid < 0 ? undefined : membersUsage(known ?? (known = processTree(pid)))),
    killAll,
    exited,
  };
}
