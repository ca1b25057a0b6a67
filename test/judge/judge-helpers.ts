import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Pids whose command line contains `needle` (Linux /proc; empty elsewhere). */
export function processesWith(needle: string): number[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        // Zombies have an empty command line and are already dead.
        return cmdline.includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits a little for killed processes to be reaped, then returns any that remain. */
export async function waitForNoProcess(needle: string, timeoutMs = 3000): Promise<number[]> {
  const started = Date.now();
  for (;;) {
    const found = processesWith(needle);
    if (found.length === 0 || Date.now() - started > timeoutMs) return found;
    await sleep(50);
  }
}

/** Fields that hold a measured time, or a speed made from one (the speed line's). */
const TIMINGS = new Set(['durationMs', 'timeMs', 'ms', 'perSecond', 'costMs']);

/** The report with timings removed, for comparing runs. */
export function withoutTimings(report: unknown): unknown {
  return JSON.parse(JSON.stringify(report), (key, value: unknown) =>
    TIMINGS.has(key) ? undefined : value,
  );
}
