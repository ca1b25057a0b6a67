// Build step: validates every problem folder before it ships, so a broken problem fails the
// build instead of a learner's `pixel submit`. Schemas and cross-file rules (the same code the
// judge uses at run time), the reference is finite on every case, every known mistake has
// variants that some case tells apart, and every language has its starter.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withinTolerance } from '../src/core/judge/compare.js';
import { LANGUAGES } from '../src/core/judge/problem-schema.js';
import { listProblemIds, loadProblem, loadReference } from '../src/io/judge/problem-store.js';

/** Cases small enough to run every mistake variant on at build time. */
const CHEAP_WORK = 100_000;

export async function run({ root }: { root: string; dist: string }): Promise<void> {
  const ids = listProblemIds(root);
  if (ids.length === 0) throw new Error('content-problems: no problems found under problems/');
  const issues: string[] = [];
  for (const id of ids) {
    const loaded = loadProblem(id, root);
    const { problem, cases, dir } = loaded;
    const reference = await loadReference(loaded);
    const where = `problems/${id}`;
    if (!existsSync(join(dir, 'statement.md'))) issues.push(`${where}: statement.md is missing`);
    for (const language of LANGUAGES) {
      const starter = join(dir, 'starters', language, `${problem.languages[language].file}.tmpl`);
      if (!existsSync(starter)) issues.push(`${where}: no ${language} starter (${starter})`);
    }
    const expected = cases.map((testCase) => {
      const values = reference.solve(testCase.input);
      if (!values.every(Number.isFinite))
        issues.push(`${where}: reference not finite on ${testCase.id}`);
      return values;
    });
    const cheap = cases
      .map((testCase, index) => ({ testCase, expected: expected[index] as number[] }))
      .filter(({ testCase }) => {
        const n = Array.isArray(testCase.input.x) ? testCase.input.x.length : 1;
        return n * Number(testCase.input.iterations ?? 1) <= CHEAP_WORK;
      });
    for (const mistake of problem.mistakes) {
      const variants = reference.mistakes[mistake.id] ?? [];
      if (variants.length === 0)
        issues.push(`${where}: mistake ${mistake.id} has no variant in reference.mjs`);
      variants.forEach((variant, index) => {
        const caught = cheap.some(({ testCase, expected: want }) =>
          variant(testCase.input).some(
            (value, i) => !withinTolerance(value, want[i] as number, problem.tolerance),
          ),
        );
        if (!caught)
          issues.push(
            `${where}: no case tells mistake ${mistake.id} (variant ${index + 1}) from the reference`,
          );
      });
    }
    for (const name of Object.keys(reference.mistakes)) {
      if (!problem.mistakes.some((m) => m.id === name))
        issues.push(`${where}: reference.mjs mistake ${name} is not in problem.json`);
    }
  }
  if (issues.length > 0) throw new Error(`content-problems:\n  ${issues.join('\n  ')}`);
}
