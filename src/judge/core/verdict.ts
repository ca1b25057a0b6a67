import { compareReturned, describeComparison, type Comparison } from './compare.js';
import type { ComparisonRule, ReturnShape } from './problem-schema.js';
import type { NamedNumber } from './shape.js';
import type { ReturnedValue } from './returned-value.js';

/** The verdict strings, exactly as DESIGN names them. */
export const VERDICTS = [
  'accepted',
  'wrong_answer',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'output_limit_exceeded',
  'runtime_error',
  'compile_error',
  'judge_error',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What happened to one call of the learner's function, as the process runner saw it. */
export type CallOutcome =
  /** cpuMs is the whole process tree's CPU, measured by the judge; absent without /proc. */
  | { status: 'returned'; value: ReturnedValue; cpuMs?: number; wallMs: number }
  | { status: 'raised'; kind: 'runtime' | 'memory'; message: string; wallMs: number }
  /** The runner stopped the program during this call. */
  | { status: 'killed'; reason: 'cpu' | 'wall' | 'memory' | 'output'; wallMs: number }
  /** The program died (exit, signal, closed channel) without reporting this call. */
  | { status: 'died'; message: string; wallMs: number };

export interface CaseJudgement {
  verdict: Verdict;
  /** What went wrong, safe to show for hidden cases (no data). */
  message?: string;
  comparison?: Comparison;
  timeMs: number;
}

export interface JudgeLimits {
  cpuMsPerCase: number;
}

/**
 * One case's verdict with the DOMjudge/Kattis precedence: time limit first, then a crash or
 * exception, then the output and memory caps, and only then the comparison.
 */
export function judgeCall(
  outcome: CallOutcome,
  expected: readonly NamedNumber[],
  shape: ReturnShape,
  rule: ComparisonRule,
  limits: JudgeLimits,
  hidden: boolean,
): CaseJudgement {
  const timeMs = Math.round(outcome.wallMs);
  const seconds = (limits.cpuMsPerCase / 1000).toString();
  switch (outcome.status) {
    case 'killed':
      if (outcome.reason === 'cpu' || outcome.reason === 'wall')
        return {
          verdict: 'time_limit_exceeded',
          message:
            outcome.reason === 'cpu'
              ? `used more than ${seconds} s of CPU time`
              : 'did not finish within the wall-clock limit (waiting on something?)',
          timeMs,
        };
      if (outcome.reason === 'output')
        return {
          verdict: 'output_limit_exceeded',
          message: 'printed more than the output limit; remove the debug prints from the loop',
          timeMs,
        };
      return {
        verdict: 'memory_limit_exceeded',
        message: 'used more than the memory limit',
        timeMs,
      };
    case 'died':
      return { verdict: 'runtime_error', message: outcome.message, timeMs };
    case 'raised':
      return outcome.kind === 'memory'
        ? { verdict: 'memory_limit_exceeded', message: outcome.message, timeMs }
        : { verdict: 'runtime_error', message: outcome.message, timeMs };
    case 'returned': {
      if (outcome.cpuMs !== undefined && outcome.cpuMs > limits.cpuMsPerCase)
        return {
          verdict: 'time_limit_exceeded',
          message: `used ${(outcome.cpuMs / 1000).toFixed(1)} s of CPU time; the limit is ${seconds} s`,
          timeMs,
        };
      const comparison = compareReturned(outcome.value, expected, shape, rule);
      if (comparison.kind === 'match') return { verdict: 'accepted', comparison, timeMs };
      return {
        verdict: 'wrong_answer',
        message: describeComparison(comparison, hidden),
        comparison,
        timeMs,
      };
    }
  }
}
