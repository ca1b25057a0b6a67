// Build step: validates every problem folder before it ships, so a broken problem fails the
// build instead of a learner's `pixel submit`. It knows no problem: schemas and cross-file rules
// (the same code the judge uses at run time), every case's input within the declared bounds,
// the reference well-formed and finite on every case, every known mistake told apart from the
// reference by some case, every language with its starter, the track's order and lessons sound.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withinTolerance } from '../src/core/judge/compare.js';
import { validateInput } from '../src/core/judge/custom-input.js';
import { LANGUAGES } from '../src/core/judge/problem-schema.js';
import { extractReference, type NamedNumber } from '../src/core/judge/shape.js';
import { listProblemIds, loadProblem, loadReference } from '../src/io/judge/problem-store.js';

/** Every issue of every problem folder under `root`/problems, in one list. */
export async function problemIssues(root: string): Promise<string[]> {
  const ids = listProblemIds(root);
  if (ids.length === 0) return ['no problems found under problems/'];
  const issues: string[] = [];
  const orders = new Map<number, string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    const loaded = loadProblem(id, root);
    const { problem, cases, dir } = loaded;
    const reference = await loadReference(loaded);
    const where = `problems/${id}`;
    const other = orders.get(problem.order);
    if (other) issues.push(`${where}: order ${problem.order} is also ${other}'s`);
    orders.set(problem.order, id);
    for (const name of [problem.id, ...(problem.aliases ?? [])]) {
      const owner = names.get(name.toLowerCase());
      if (owner && owner !== id) issues.push(`${where}: the name "${name}" is also ${owner}'s`);
      names.set(name.toLowerCase(), id);
    }
    if (!existsSync(join(root, 'lessons', `${problem.lesson}.md`)))
      issues.push(
        `${where}: lesson "${problem.lesson}" does not exist (lessons/${problem.lesson}.md)`,
      );
    if (!existsSync(join(dir, 'statement.md'))) issues.push(`${where}: statement.md is missing`);
    for (const language of LANGUAGES) {
      const starter = join(dir, 'starters', language, `${problem.languages[language].file}.tmpl`);
      if (!existsSync(starter)) issues.push(`${where}: no ${language} starter (${starter})`);
    }
    const answers = new Map<string, NamedNumber[]>();
    for (const testCase of cases) {
      const checked = validateInput(testCase.input, problem.parameters);
      if (!checked.ok)
        issues.push(
          `${where}: case ${testCase.id} breaks the declared bounds: ${checked.problems.join('; ')}`,
        );
      let answer: unknown;
      try {
        answer = reference.solve(testCase.input);
      } catch (error) {
        issues.push(
          `${where}: the reference throws on ${testCase.id}: ${(error as Error).message}`,
        );
        continue;
      }
      const extracted = extractReference(problem.returns, answer);
      if (!extracted.ok) {
        issues.push(
          `${where}: the reference's answer on ${testCase.id} does not fit "returns": ${extracted.problem}`,
        );
        continue;
      }
      if (!extracted.numbers.every((item) => Number.isFinite(item.value)))
        issues.push(`${where}: the reference is not finite on ${testCase.id}`);
      answers.set(testCase.id, extracted.numbers);
    }
    /** A variant is caught by a case when its answer is outside the judge's comparison there. */
    const caughtBy = (variant: (input: (typeof cases)[number]['input']) => unknown) =>
      cases.some((testCase) => {
        const want = answers.get(testCase.id);
        if (!want) return false;
        let got;
        try {
          got = extractReference(problem.returns, variant(testCase.input));
        } catch {
          return false;
        }
        if (!got.ok || got.numbers.length !== want.length) return true;
        return got.numbers.some(
          (item, i) =>
            !withinTolerance(item.value, (want[i] as NamedNumber).value, problem.comparison),
        );
      });
    for (const mistake of problem.mistakes) {
      const variants = reference.mistakes[mistake.id] ?? [];
      if (variants.length === 0)
        issues.push(`${where}: mistake ${mistake.id} has no variant in reference.mjs`);
      variants.forEach((variant, index) => {
        if (!caughtBy(variant))
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
  return issues;
}

export async function run({ root }: { root: string; dist: string }): Promise<void> {
  const issues = await problemIssues(root);
  if (issues.length > 0) throw new Error(`content-problems:\n  ${issues.join('\n  ')}`);
}
