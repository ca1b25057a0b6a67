import { readdirSync, readFileSync } from 'node:fs';

/**
 * Readers of Linux /proc that let the judge measure and limit a sandboxed run from the outside:
 * the CPU time and resident memory of a whole process tree, and its members. Every reader
 * returns undefined (or nothing) where /proc is missing (another OS) or the process is gone;
 * the judge then falls back to wall-clock limits and per-process rlimits.
 */

/** Clock ticks per second; 100 on every Linux configuration Node supports. */
const TICKS_PER_SECOND = 100;

export interface ProcStat {
  /** R, S, D, Z (zombie: dead, waiting to be reaped), T, ... */
  state: string;
  parentPid: number;
  processGroup: number;
  /** utime + stime of the process (all its threads), in ms. */
  ownCpuMs: number;
  /** cutime + cstime: CPU of the children it has reaped, in ms. */
  reapedChildrenCpuMs: number;
  /** Resident set size in bytes. */
  residentBytes: number;
}

const PAGE_BYTES = 4096;

export function readProcStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const number = (index: number) => Number(fields[index]);
  const ticks = (index: number) => (number(index) * 1000) / TICKS_PER_SECOND;
  return {
    state: fields[0] ?? '?',
    parentPid: number(1),
    processGroup: number(2),
    ownCpuMs: ticks(11) + ticks(12),
    reapedChildrenCpuMs: ticks(13) + ticks(14),
    residentBytes: number(21) * PAGE_BYTES,
  };
}

/** Direct children of a process: every thread can be a parent, so read each task's list. */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const task of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'latin1').trim();
      if (text) for (const child of text.split(' ')) children.push(Number(child));
    } catch {
      // The thread ended while we looked.
    }
  }
  return children;
}

/**
 * A process and all its live descendants, found by following the kernel's child lists (no scan
 * of every process on the machine). Inside a PID namespace an orphan is re-parented to the
 * namespace's init, which is in the tree, so nothing in the namespace is missed.
 */
export function processTree(root: number): number[] {
  const found: number[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    found.push(pid);
    queue.push(...childrenOf(pid));
  }
  return found;
}

export interface TreeUsage {
  /** CPU of every process in the tree, counting the children they have already reaped. */
  cpuMs: number;
  residentBytes: number;
  processes: number;
}

/**
 * What these processes (a tree, as processTree found it) use right now. CPU is monotonic as long
 * as exited processes are reaped by a member of the tree (their time moves into the reaper's
 * cutime); a process whose parent ignores SIGCHLD is released without that, so a run can hide
 * CPU only in processes that live less than one poll, and the wall-clock limit still bounds it.
 * Reading stat files only, it costs far less than finding the tree (~0.5 ms for a Node
 * runtime's dozen threads), so the judge reuses one tree between its polls.
 */
export function membersUsage(members: readonly number[]): TreeUsage | undefined {
  let cpuMs = 0;
  let residentBytes = 0;
  let processes = 0;
  for (const pid of members) {
    const stat = readProcStat(pid);
    if (!stat) continue;
    processes++;
    cpuMs += stat.ownCpuMs + stat.reapedChildrenCpuMs;
    residentBytes += stat.residentBytes;
  }
  return processes === 0 ? undefined : { cpuMs, residentBytes, processes };
}

function listPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * The reduced sandbox's sweep (no PID namespace to end everything at once): every process whose
 * environment carries the run's token (children inherit it, even through setsid and double
 * forks) or that is still in the run's process group. A program that scrubs its own environment
 * AND leaves the group escapes this; the README says so.
 */
export function findTokenProcesses(token: string, processGroup: number): number[] {
  const needle = Buffer.from(`PIXEL_SANDBOX_TOKEN=${token}\0`);
  const found: number[] = [];
  for (const pid of listPids()) {
    if (pid === process.pid) continue;
    const stat = readProcStat(pid);
    if (!stat || stat.state === 'Z' || stat.state === 'X') continue;
    if (stat.processGroup === processGroup) {
      found.push(pid);
      continue;
    }
    try {
      if (readFileSync(`/proc/${pid}/environ`).includes(needle)) found.push(pid);
    } catch {
      // Not ours to read, or already gone.
    }
  }
  return found;
}
