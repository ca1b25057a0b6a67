import { spawnSync } from 'node:child_process';
import { sameLayout, withinTolerance } from '../../src/judge/core/compare.js';
import { diagnose } from '../../src/judge/core/diagnose.js';
import type { CaseInput, JudgeCase } from '../../src/judge/core/problem-schema.js';
import { extractReference, type NamedNumber } from '../../src/judge/core/shape.js';
import { loadProblem, loadReference } from '../../src/judge/io/problem-store.js';

/**
 * What every problem's reference test needs: the problem loaded as the judge loads it, its
 * answers as named numbers, the judge's own comparison, and the known mistakes replayed through
 * the judge's own diagnosis. Each test adds the independent implementation and the checks that
 * belong to its problem.
 */
export async function referenceChecks(id: string) {
  const loaded = loadProblem(id);
  const module = await loadReference(loaded);
  const { problem, cases } = loaded;

  /** A value computed in JavaScript as the judge sees it: named numbers in the declared shape. */
  const named = (value: unknown): NamedNumber[] => {
    const extracted = extractReference(problem.returns, value);
    if (!extracted.ok) throw new Error(`${id}: ${extracted.problem}`);
    return extracted.numbers;
  };
  const solve = (input: CaseInput): unknown => module.solve(input);
  const answer = (input: CaseInput) => named(solve(input));

  /** Within the problem's comparison, value by value, as `pixel submit` decides. */
  const agrees = (got: readonly NamedNumber[], want: readonly NamedNumber[]) =>
    sameLayout(got, want) &&
    got.every((item, index) =>
      withinTolerance(item.value, (want[index] as NamedNumber).value, problem.comparison),
    );
  /** Two answers computed in JavaScript, compared as `pixel submit` compares. */
  const close = (got: unknown, want: unknown) => agrees(named(got), named(want));

  const caseById = (caseId: string): JudgeCase => {
    const found = cases.find((c) => c.id === caseId);
    if (!found) throw new Error(`${id}: no case ${caseId}`);
    return found;
  };

  /**
   * For every variant of every known mistake: the first case where it is wrong, and the mistake
   * the judge's diagnosis names for its answer there (undefined when no case catches it).
   */
  const firstFailures = () => {
    const all = problem.mistakes.map((mistake) => ({
      mistake,
      variants: module.mistakes[mistake.id] ?? [],
    }));
    return all.flatMap(({ mistake, variants }) =>
      variants.map((variant, index) => {
        const deciding = cases.find((c) => !agrees(named(variant(c.input)), answer(c.input)));
        const diagnosis =
          deciding &&
          diagnose(
            named(variant(deciding.input)),
            all.map((entry) => ({
              mistake: entry.mistake,
              outputs: entry.variants.map((v) => named(v(deciding.input))),
            })),
            problem.comparison,
          );
        return {
          variant: `${mistake.id} (variant ${index + 1})`,
          mistake: mistake.id,
          index,
          caseId: deciding?.id,
          named: diagnosis?.mistake,
        };
      }),
    );
  };

  return { problem, cases, module, solve, named, answer, agrees, close, caseById, firstFailures };
}

/** Whether python3 can import every module named, so a test can be skipped without them. */
export function pythonHas(...modules: string[]): boolean {
  const imports = modules.length > 0 ? `import ${modules.join(', ')}` : 'pass';
  return spawnSync('python3', ['-c', imports], { stdio: 'ignore' }).status === 0;
}

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

/**
 * Runs a Python script that reads the cases' inputs as JSON on stdin and prints one answer per
 * case as JSON; returns the answers in case order.
 */
export function pythonAnswers(script: string, inputs: readonly CaseInput[]): unknown[] {
  return runPython<unknown[]>(script, inputs);
}
