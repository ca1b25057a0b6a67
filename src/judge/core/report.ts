import type { Diagnosis } from './diagnose.js';
import type { Language } from './problem-schema.js';
import type { Verdict } from './verdict.js';
import type { SpeedReport } from './speed.js';
import type { NextStep } from '../../shared/core/next-step.js';

/** One case in a submission report (the `tests[]` of `pixel submit --json`). */
export interface TestReport {
  id: string;
  group: string;
  hidden: boolean;
  verdict: Verdict;
  timeMs: number;
  message?: string;
  diagnosis?: Diagnosis;
}

/** The documented `pixel submit --json` shape. Hidden inputs and expected values never appear. */
export interface SubmissionReport {
  problem: string;
  language: Language;
  verdict: Verdict;
  passed: number;
  total: number;
  durationMs: number;
  /** How the run was contained: `full` (namespaces, new root) or `reduced` (see the README). */
  sandbox: 'full' | 'reduced';
  message?: string;
  diagnosis?: Diagnosis;
  tests: TestReport[];
  /** On acceptance: the speed line (absent with --no-speed or when the problem declares none). */
  speed?: SpeedReport;
  /** On acceptance of the workspace's own solution: what to do next, null when all is done. */
  next?: NextStep | null;
}

/** Puts the fields in the documented order and leaves out the absent optional ones. */
export function buildReport(parts: {
  problem: string;
  language: Language;
  total: number;
  durationMs: number;
  sandbox: 'full' | 'reduced';
  tests: TestReport[];
  /** Set when no case could run (compile error, judge error). */
  failure?: { verdict: Verdict; message: string };
}): SubmissionReport {
  const passed = parts.tests.filter((test) => test.verdict === 'accepted').length;
  const deciding = parts.tests.find((test) => test.verdict !== 'accepted');
  const verdict: Verdict =
    parts.failure?.verdict ??
    deciding?.verdict ??
    (passed === parts.total ? 'accepted' : 'judge_error');
  const message =
    parts.failure?.message ??
    deciding?.message ??
    (verdict === 'judge_error' ? 'the judge stopped before running every case' : undefined);
  return {
    problem: parts.problem,
    language: parts.language,
    verdict,
    passed,
    total: parts.total,
    durationMs: Math.round(parts.durationMs),
    sandbox: parts.sandbox,
    ...(message === undefined ? {} : { message }),
    ...(deciding?.diagnosis ? { diagnosis: deciding.diagnosis } : {}),
    tests: parts.tests.map((test) => ({
      id: test.id,
      group: test.group,
      hidden: test.hidden,
      verdict: test.verdict,
      timeMs: Math.round(test.timeMs),
      ...(test.message === undefined ? {} : { message: test.message }),
      ...(test.diagnosis ? { diagnosis: test.diagnosis } : {}),
    })),
  };
}
