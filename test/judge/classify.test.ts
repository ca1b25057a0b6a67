import { describe, expect, it } from 'vitest';
import { classifyRun } from '../../src/judge/core/classify.js';
import type { RunRecord } from '../../src/judge/core/run-record.js';

/**
 * Every way a run can end, as a hand-made record: the runner only records, classifyRun decides
 * what happened, and these run in milliseconds.
 */
const pair = {
  t: 'seq',
  n: 2,
  items: [
    { t: 'num', v: 1 },
    { t: 'num', v: 2 },
  ],
};

function record(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    sandbox: 'full',
    caseCount: 2,
    started: true,
    ready: true,
    calls: [],
    exit: { code: null, signal: 'SIGKILL' },
    stderrTail: '',
    output: { text: '', bytes: 0, truncated: false },
    ...overrides,
  };
}
const answered = (wallMs = 3, cpuMs = 2) => ({
  answer: { type: 'result' as const, value: pair },
  wallMs,
  cpuMs,
});

describe('classifyRun', () => {
  it('a runtime that never started the harness is not the learner’s doing', () => {
    const outcome = classifyRun(
      record({
        started: false,
        ready: false,
        exit: { code: 127, signal: null },
        stderrTail: 'exec: python9: not found\n',
      }),
    );
    expect(outcome).toEqual({
      kind: 'not-started',
      message:
        'the program exited with code 127 before pixel’s harness started: exec: python9: not found',
    });
  });

  it('passes on what the harness said about loading', () => {
    const load = (frame: RunRecord['load']) => classifyRun(record({ ready: false, load: frame }));
    expect(load({ type: 'compile_error', message: 'SyntaxError: x' })).toEqual({
      kind: 'load-failed',
      failure: { kind: 'compile', message: 'SyntaxError: x' },
    });
    expect(load({ type: 'missing', message: 'no f' })).toEqual({
      kind: 'load-failed',
      failure: { kind: 'missing', message: 'no f' },
    });
    expect(load({ type: 'load_error', kind: 'memory', message: 'MemoryError' })).toEqual({
      kind: 'load-failed',
      failure: { kind: 'memory', message: 'MemoryError' },
    });
    expect(load({ type: 'load_error', message: 'NameError' })).toEqual({
      kind: 'load-failed',
      failure: { kind: 'runtime', message: 'NameError' },
    });
  });

  it('names the limit that ended a load, enforced by the judge or by the kernel', () => {
    expect(
      classifyRun(record({ ready: false, limit: { reason: 'wall', during: 'load' } })),
    ).toEqual({
      kind: 'load-failed',
      failure: { kind: 'killed', reason: 'wall' },
    });
    expect(classifyRun(record({ ready: false, exit: { code: null, signal: 'SIGXCPU' } }))).toEqual({
      kind: 'load-failed',
      failure: { kind: 'killed', reason: 'cpu' },
    });
  });

  it('a load that just exits says how', () => {
    expect(classifyRun(record({ ready: false, exit: { code: 0, signal: null } }))).toEqual({
      kind: 'load-failed',
      failure: {
        kind: 'died',
        message:
          "the program stopped while loading without returning (did it call exit(), or close pixel's channel?)",
      },
    });
  });

  it('turns answers into outcomes with the judge’s own timings', () => {
    const outcome = classifyRun(
      record({
        calls: [
          answered(3, 2),
          { answer: { type: 'error', kind: 'runtime', message: 'ZeroDivisionError' }, wallMs: 1 },
        ],
      }),
    );
    expect(outcome).toEqual({
      kind: 'ran',
      calls: [
        { status: 'returned', value: pair, wallMs: 3, cpuMs: 2 },
        { status: 'raised', kind: 'runtime', message: 'ZeroDivisionError', wallMs: 1 },
      ],
    });
  });

  it('a value the harness could not describe is a crash, not a wrong answer', () => {
    const outcome = classifyRun(
      record({
        caseCount: 1,
        calls: [{ answer: { type: 'result', value: { t: 'nope' } }, wallMs: 1 }],
      }),
    );
    expect(outcome).toEqual({
      kind: 'ran',
      calls: [{ status: 'died', message: 'the returned value could not be read', wallMs: 1 }],
    });
  });

  it('charges the limit that fired to the call that was running', () => {
    for (const reason of ['cpu', 'wall', 'memory', 'output'] as const) {
      const outcome = classifyRun(
        record({ calls: [answered(), { wallMs: 4000 }], limit: { reason, during: 'call' } }),
      );
      expect(outcome).toMatchObject({
        kind: 'ran',
        calls: [{}, { status: 'killed', reason, wallMs: 4000 }],
      });
    }
  });

  it('reads a kernel limit from the exit: SIGXCPU, or an out-of-memory message', () => {
    expect(
      classifyRun(record({ calls: [{ wallMs: 9 }], exit: { code: null, signal: 'SIGXCPU' } })),
    ).toMatchObject({ calls: [{ status: 'killed', reason: 'cpu' }] });
    expect(
      classifyRun(
        record({
          calls: [{ wallMs: 9 }],
          exit: { code: 134, signal: null },
          stderrTail:
            'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
        }),
      ),
    ).toMatchObject({ calls: [{ status: 'killed', reason: 'memory' }] });
  });

  it('a forged frame is the learner’s runtime error, never a judge error', () => {
    const outcome = classifyRun(
      record({ calls: [{ wallMs: 2 }], protocolViolation: 'an answer for case 7' }),
    );
    expect(outcome).toEqual({
      kind: 'ran',
      calls: [
        {
          status: 'died',
          message:
            "the program wrote to pixel's private result channel (an answer for case 7); only return values are judged",
          wallMs: 2,
        },
      ],
    });
    expect(
      classifyRun(record({ ready: false, protocolViolation: "'ready' before" })),
    ).toMatchObject({
      kind: 'load-failed',
      failure: { kind: 'runtime' },
    });
  });

  it('a crash during a call says how the program ended', () => {
    expect(
      classifyRun(record({ calls: [{ wallMs: 2 }], exit: { code: null, signal: 'SIGSEGV' } })),
    ).toMatchObject({
      calls: [{ status: 'died', message: 'the program was killed by SIGSEGV during the call' }],
    });
    expect(
      classifyRun(
        record({
          calls: [{ wallMs: 2 }],
          exit: { code: 120, signal: null },
          stderrTail: 'pixel: the solution replaced file descriptor 3\n',
        }),
      ),
    ).toMatchObject({
      calls: [
        {
          status: 'died',
          message:
            'the program exited with code 120 during the call: pixel: the solution replaced file descriptor 3',
        },
      ],
    });
  });

  it('a program that ends itself between two calls fails the next case', () => {
    const outcome = classifyRun(record({ calls: [answered()], exit: { code: 3, signal: null } }));
    expect(outcome).toEqual({
      kind: 'ran',
      calls: [
        { status: 'returned', value: pair, wallMs: 3, cpuMs: 2 },
        { status: 'died', message: 'the program exited with code 3 between two calls', wallMs: 0 },
      ],
    });
  });

  it('leaves CPU out when it could not be measured (no /proc)', () => {
    const outcome = classifyRun(
      record({ caseCount: 1, calls: [{ answer: { type: 'result', value: pair }, wallMs: 5 }] }),
    );
    expect(outcome).toEqual({
      kind: 'ran',
      calls: [{ status: 'returned', value: pair, wallMs: 5 }],
    });
  });
});
