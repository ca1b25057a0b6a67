import { parseReturnedValue } from './returned-value.js';
import type { LimitReason, RunRecord } from './run-record.js';
import type { CallOutcome } from './verdict.js';

/** Why a solution never reached its first call. */
export type LoadFailure =
  | { kind: 'compile'; message: string }
  | { kind: 'runtime' | 'missing' | 'died'; message: string }
  | { kind: 'memory'; message: string }
  | { kind: 'killed'; reason: LimitReason };

export type Classification =
  /** The runtime never started pixel's harness: not the learner's doing, never an attempt. */
  | { kind: 'not-started'; message: string }
  | { kind: 'load-failed'; failure: LoadFailure }
  /** One outcome per case sent, in order. */
  | { kind: 'ran'; calls: CallOutcome[] };

const MEMORY_TEXT = /out of memory|MemoryError|Cannot allocate memory|std::bad_alloc|heap limit/i;

/** A limit the record shows without the judge having enforced it: the kernel's rlimits. */
function impliedLimit(record: RunRecord): LimitReason | undefined {
  if (record.exit.signal === 'SIGXCPU') return 'cpu';
  if (MEMORY_TEXT.test(record.stderrTail)) return 'memory';
  return undefined;
}

export function describeExit(record: RunRecord, when: string): string {
  const { code, signal } = record.exit;
  if (signal === 'SIGXFSZ') return `wrote a file larger than the limit ${when}`;
  if (signal) return `the program was killed by ${signal} ${when}`;
  const lastLine = record.stderrTail.trim().split('\n').pop()?.slice(0, 300);
  if (code === 0) {
    return `the program stopped ${when} without returning (did it call exit(), or close pixel's channel?)`;
  }
  return `the program exited with code ${code ?? '?'} ${when}${lastLine ? `: ${lastLine}` : ''}`;
}

function violation(record: RunRecord): string {
  return `the program wrote to pixel's private result channel (${record.protocolViolation ?? 'a forged frame'}); only return values are judged`;
}

/**
 * Turns a record into what happened to the solution: it never started (the judge's problem), it
 * failed to load, or one outcome per case sent. Precedence for the call that was running when
 * the run ended: the limit the judge enforced, then an rlimit the kernel enforced, then a forged
 * frame, then the way the program exited.
 */
export function classifyRun(record: RunRecord): Classification {
  if (!record.started) {
    return { kind: 'not-started', message: describeExit(record, 'before pixel’s harness started') };
  }
  if (!record.ready) {
    const frame = record.load;
    if (frame?.type === 'compile_error')
      return { kind: 'load-failed', failure: { kind: 'compile', message: frame.message } };
    if (frame?.type === 'missing')
      return { kind: 'load-failed', failure: { kind: 'missing', message: frame.message } };
    if (frame?.type === 'load_error')
      return {
        kind: 'load-failed',
        failure: { kind: frame.kind === 'memory' ? 'memory' : 'runtime', message: frame.message },
      };
    const reason = record.limit?.reason ?? impliedLimit(record);
    if (reason) return { kind: 'load-failed', failure: { kind: 'killed', reason } };
    if (record.protocolViolation)
      return { kind: 'load-failed', failure: { kind: 'runtime', message: violation(record) } };
    return {
      kind: 'load-failed',
      failure: { kind: 'died', message: describeExit(record, 'while loading') },
    };
  }
  const calls: CallOutcome[] = record.calls.map((call, index): CallOutcome => {
    const timing = {
      wallMs: call.wallMs,
      ...(call.cpuMs === undefined ? {} : { cpuMs: call.cpuMs }),
    };
    const answer = call.answer;
    if (answer?.type === 'result') {
      const value = parseReturnedValue(answer.value);
      return value
        ? { status: 'returned', value, ...timing }
        : { status: 'died', message: 'the returned value could not be read', wallMs: call.wallMs };
    }
    if (answer?.type === 'error') {
      return { status: 'raised', kind: answer.kind, message: answer.message, wallMs: call.wallMs };
    }
    // Unanswered: the run ended during this call (only the last one sent can be unanswered).
    const last = index === record.calls.length - 1;
    const reason =
      (last && record.limit?.during === 'call' ? record.limit.reason : undefined) ??
      impliedLimit(record);
    if (reason) return { status: 'killed', reason, wallMs: call.wallMs };
    if (record.protocolViolation)
      return { status: 'died', message: violation(record), wallMs: call.wallMs };
    return {
      status: 'died',
      message: describeExit(record, 'during the call'),
      wallMs: call.wallMs,
    };
  });
  // Every call answered, yet cases remain: the program ended itself between two calls.
  const lastAnswer = record.calls.at(-1)?.answer;
  if (calls.length < record.caseCount && (calls.length === 0 || lastAnswer?.type === 'result')) {
    calls.push({
      status: 'died',
      message: record.protocolViolation
        ? violation(record)
        : describeExit(record, 'between two calls'),
      wallMs: 0,
    });
  }
  return { kind: 'ran', calls };
}
