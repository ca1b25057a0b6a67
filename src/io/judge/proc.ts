import { readdirSync, readFileSync } from 'node:fs';

/**
 * Small readers of Linux /proc, used to enforce per-call CPU and memory limits while a program
 * runs and to find what it left behind. Every reader returns undefined where /proc is missing
 * (another OS) or the process is gone; callers then fall back to wall-clock limits.
 */

/** Clock ticks per second; 100 on every Linux configuration Node supports. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  /** R, S, D, Z (zombie: already dead, waiting to be reaped), T, ... */
  state: string;
  parentPid: number;
  processGroup: number;
  session: number;
  cpuMs: number;
}

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
  return {
    state: fields[0] ?? '?',
    parentPid: number(1),
    processGroup: number(2),
    session: number(3),
    cpuMs: ((number(11) + number(12)) * 1000) / TICKS_PER_SECOND,
  };
}

/** Resident memory in bytes (VmRSS), undefined when unknown. */
export function readResidentBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
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
 * Processes that belong to a sandboxed run: those whose environment carries the run's token
 * (children inherit it, even through setsid and double forks) or that are still in its process
 * group. A program that scrubs its own environment AND leaves the group escapes this; the
 * process-group kill and the token together cover every ordinary way of spawning.
 */
export function findSandboxProcesses(token: string, processGroup: number): number[] {
  const needle = Buffer.from(`PIXEL_SANDBOX_TOKEN=${token}\0`);
  const found: number[] = [];
  for (const pid of listPids()) {
    if (pid === process.pid) continue;
    const stat = readProcStat(pid);
    // A zombie is dead already; whoever reaps it is not our business.
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

/**
 * Every live descendant of `root` (children, grandchildren, ...), from the parent links in
 * /proc. Orphans are found too while `root` is their subreaper, which the Python harness asks
 * to be when no PID namespace contains the run.
 */
export function findDescendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of listPids()) {
    const stat = readProcStat(pid);
    if (!stat || stat.state === 'Z' || stat.state === 'X') continue;
    const parent = stat.parentPid;
    const siblings = children.get(parent);
    if (siblings) siblings.push(pid);
    else children.set(parent, [pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
