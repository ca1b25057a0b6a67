import type { JudgeCase, Speed } from './problem-schema.js';
import type { SolutionForm } from './solutions.js';

export interface SpeedEntry {
  file: string;
  form: SolutionForm;
  /** Milliseconds over the group's cases, and the work per second that makes. */
  ms?: number;
  perSecond?: number;
  /** Why it was not timed (numpy missing, say). */
  skipped?: string;
}

/** The speed line: yours against the references in your language, on one group of cases. */
export interface SpeedReport {
  group: string;
  cases: number;
  unit: string;
  yours: { ms: number; perSecond: number };
  references: SpeedEntry[];
  /** What the reference runs added to `pixel submit`, in milliseconds. */
  costMs: number;
}

/** One case's work: the product of the declared parameters (a list counts its length). */
export function caseWork(testCase: JudgeCase, speed: Speed): number {
  return speed.work.reduce((product, name) => {
    const value = testCase.input[name];
    return product * (Array.isArray(value) ? value.length : Number(value ?? 0));
  }, 1);
}

/** Work per second over cases that took `ms` in all; a run too quick to time counts as 1 ms. */
export function workPerSecond(work: number, ms: number): number {
  return work / (Math.max(ms, 1) / 1000);
}

/** 4.12 M, 158 M, 950 k: three significant digits and an SI prefix. */
export function siRate(value: number): string {
  const prefixes = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const;
  for (const [size, prefix] of prefixes) {
    if (value >= size) return `${Number((value / size).toPrecision(3))} ${prefix}`;
  }
  return `${Number(value.toPrecision(3))} `;
}
