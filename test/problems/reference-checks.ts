import { spawnSync } from 'node:child_process';
import { withinTolerance } from '../../src/core/judge/compare.js';
import { diagnose } from '../../src/core/judge/diagnose.js';
import type { CaseInput, JudgeCase } from '../../src/core/judge/problem-schema.js';
import { extractReference, type NamedNumber } from '../../src/core/judge/shape.js';
import { loadProblem, loadReference } from '../../src/io/judge/problem-store.js';

/**
 * What every problem's test needs from its reference: the answer as the judge's named numbers,
 * the judge's own comparison, and the diagnosis the judge would give on the first case a
 * mistake's variant fails. Independent implementations run in Python (spawned, never imported).
 */
export async function loadChecked(id: string) {
  const loaded = loadProblem(id);
  const module = await loadReference(loaded);
  const { problem, cases } = loaded;

  /** A value computed in JavaScript as the judge's named numbers ("weights[1]", "p95"). */
  const named = (value: unknown): NamedNumber[] => {
    const extracted = extractReference(problem.returns, value);
    if (!extracted.ok) throw new Error(extracted.problem);
    return extracted.numbers;
  };
  /** Within the problem's comparison, number by number, with the same layout. */
  const close = (got: unknown, want: unknown): boolean => {
    const a = named(got);
    const b = named(want);
    return (
      a.length === b.length &&
      a.every(
        (item, i) =>
          item.name === b[i]?.name && withinTolerance(item.value, b[i].value, problem.comparison),
      )
    );
  };
  const solve = (input: CaseInput): unknown => module.solve(input);
  const caseById = (caseId: string): JudgeCase => {
    const found = cases.find((c) => c.id === caseId);
    if (!found) throw new Error(`no case ${caseId} in ${id}`);
    return found;
  };

  /**
   * For every variant of every known mistake: the first case where it is wrong, and the mistake
   * the judge's diagnosis names there (undefined when no case catches the variant).
   */
  const firstDiagnoses = () =>
    problem.mistakes.flatMap((mistake) =>
      (module.mistakes[mistake.id] ?? []).map((variant, index) => {
        const deciding = cases.find((c) => !close(variant(c.input), solve(c.input)));
        if (!deciding) return { mistake: mistake.id, index, caseId: undefined, named: undefined };
        const outputs = (input: CaseInput) =>
          problem.mistakes.map((m) => ({
            mistake: m,
            outputs: (module.mistakes[m.id] ?? []).map((v) => named(v(input))),
          }));
        const found = diagnose(
          named(variant(deciding.input)),
          outputs(deciding.input),
          problem.comparison,
        );
        return { mistake: mistake.id, index, caseId: deciding.id, named: found?.mistake };
      }),
    );

  return { problem, cases, module, solve, named, close, caseById, firstDiagnoses };
}

export const hasPython = spawnSync('python3', ['-c', 'pass'], { stdio: 'ignore' }).status === 0;
export const hasNumpy =
  hasPython && spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

/** Runs a Python script with `payload` as JSON on stdin and returns what it prints as JSON. */
export function runPython<T>(script: string, payload: unknown): T {
  const result = spawnSync('python3', ['-c', script], {
    input: JSON.stringify(payload),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
