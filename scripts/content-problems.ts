// Build step: validates every problem folder before it ships, so a broken problem fails the
// build instead of a learner's `pixel submit`. It knows no problem: schemas and cross-file rules
// (the same code the judge uses at run time), every case's input within the declared bounds,
// the reference well-formed and finite on every case, every known mistake told apart from the
// reference by some case, every language with its starter, the track's order and lessons sound.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MAX_BUILT_ANSWER_CHARS,
  survivesJson,
  type BuiltProblemFile,
} from '../src/judge/core/built-problem.js';
import { withinTolerance } from '../src/judge/core/compare.js';
import { validateInput } from '../src/judge/core/custom-input.js';
import { LANGUAGES } from '../src/judge/core/problem-schema.js';
import { extractReference, type NamedNumber } from '../src/judge/core/shape.js';
import {
  listProblemIds,
  loadProblem,
  loadReference,
  loadVizModel,
  type LoadedProblem,
} from '../src/judge/io/problem-store.js';
import { runToEnd } from '../src/viz/core/run.js';

/** The visualisation's declaration fits the problem, and it plays the reference's own numbers. */
async function visualisationIssues(loaded: LoadedProblem, where: string): Promise<string[]> {
  const { problem, cases } = loaded;
  const viz = problem.visualisation;
  if (!viz) return [];
  const issues: string[] = [];
  const parameter = (name: string) => problem.parameters.find((p) => p.name === name);
  const shown = cases.find((testCase) => testCase.id === viz.case);
  if (!shown || shown.hidden)
    issues.push(`${where}: visualisation.case "${viz.case}" is not a public case`);
  for (const option of viz.options) {
    const type = parameter(option.parameter)?.type;
    if (type !== 'number' && type !== 'integer')
      issues.push(
        `${where}: visualisation option --${option.flag} sets "${option.parameter}", not a number parameter`,
      );
  }
  if (viz.steps && parameter(viz.steps)?.type !== 'integer')
    issues.push(`${where}: visualisation.steps "${viz.steps}" is not an integer parameter`);
  if (viz.rate && parameter(viz.rate)?.type !== 'number')
    issues.push(`${where}: visualisation.rate "${viz.rate}" is not a number parameter`);
  for (const name of viz.data ?? []) {
    if (!parameter(name)?.type.endsWith('[]'))
      issues.push(`${where}: visualisation.data "${name}" is not a list parameter`);
  }
  if (viz.kind === 'line-fit') {
    for (const name of [viz.plot.x, viz.plot.y])
      if (!parameter(name)?.type.endsWith('[]'))
        issues.push(`${where}: visualisation.plot "${name}" is not a list parameter`);
    // A table's first column is plotted against one slope: the case played has one feature.
    const rows = shown?.input[viz.plot.x];
    if (Array.isArray(rows) && rows.some((row) => Array.isArray(row) && row.length !== 1))
      issues.push(
        `${where}: visualisation.case "${viz.case}" has more than one column of "${viz.plot.x}"; the line-fit picture draws one`,
      );
    if (parameter(viz.plot.y)?.type === 'number[][]')
      issues.push(`${where}: visualisation.plot.y "${viz.plot.y}" must be a list, not a table`);
  }
  let model;
  try {
    model = await loadVizModel(loaded);
  } catch (error) {
    return [...issues, `${where}: ${(error as Error).message.split('\n').join(' ')}`];
  }
  if (viz.steps && !model.step)
    issues.push(`${where}: visualise has no step, yet "steps" is declared`);
  // Played to the end on every public case, the state holds the reference's answer, by name.
  const reference = await loadReference(loaded);
  for (const testCase of cases.filter((c) => !c.hidden)) {
    const run = runToEnd({ model, ...(viz.steps ? { steps: viz.steps } : {}) }, testCase.input);
    const answer = extractReference(problem.returns, reference.solve(testCase.input));
    if (!answer.ok) continue;
    // Every number of the answer is in the state under its own name (w, weights[0], bias),
    // so nothing the learner is told the run ends on escapes this check.
    for (const item of answer.numbers) {
      if (!(item.name in run.state))
        issues.push(
          `${where}: visualise's state has no "${item.name}" (the answer's names: ${answer.numbers.map((n) => n.name).join(', ')})`,
        );
      else if (!Object.is(run.state[item.name], item.value))
        issues.push(
          `${where}: visualise played to the end of ${testCase.id} gives ${item.name} = ${run.state[item.name]}, the reference ${item.value}`,
        );
    }
    if (run.done !== run.total)
      issues.push(
        `${where}: visualise on ${testCase.id} stopped at step ${run.done} of ${run.total}`,
      );
    if (viz.kind === 'line-fit') {
      for (const name of [viz.plot.slope, viz.plot.intercept])
        if (!(name in run.state)) issues.push(`${where}: visualise's state has no "${name}"`);
      if (!(viz.plot.curve in (run.history[0] ?? {})))
        issues.push(`${where}: visualise.measure gives no "${viz.plot.curve}"`);
    }
  }
  return issues;
}

/** The speed line's group has cases and its work parameters exist. */
function speedIssues(loaded: LoadedProblem, where: string): string[] {
  const speed = loaded.problem.speed;
  if (!speed) return [];
  const issues: string[] = [];
  if (!loaded.cases.some((testCase) => testCase.group === speed.group))
    issues.push(`${where}: speed.group "${speed.group}" has no case`);
  for (const name of speed.work)
    if (!loaded.problem.parameters.some((p) => p.name === name))
      issues.push(`${where}: speed.work names no parameter "${name}"`);
  return issues;
}

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
    issues.push(...(await visualisationIssues(loaded, where)));
    issues.push(...speedIssues(loaded, where));
    for (const name of Object.keys(reference.mistakes)) {
      if (!problem.mistakes.some((m) => m.id === name))
        issues.push(`${where}: reference.mjs mistake ${name} is not in problem.json`);
    }
  }
  return issues;
}

/**
 * What the build knows of a checked problem, for dist/problems/<id>.json: the texts of the files
 * it checked, and the reference's answers to every shipped case, which the judge then reads
 * instead of working them out on every submit (see src/judge/core/built-problem.ts).
 */
export async function builtProblemFile(root: string, id: string): Promise<BuiltProblemFile> {
  const loaded = loadProblem(id, root);
  const reference = await loadReference(loaded);
  const files: Record<string, string> = {};
  for (const name of ['problem.json', 'cases.json', 'reference.mjs'])
    files[name] = readFileSync(join(loaded.dir, name), 'utf8');
  const answers: Record<string, unknown> = {};
  for (const testCase of loaded.cases) {
    const answer = reference.solve(testCase.input);
    if (survivesJson(answer) && JSON.stringify(answer).length <= MAX_BUILT_ANSWER_CHARS)
      answers[testCase.id] = answer;
  }
  return { files, answers };
}

export async function run({ root, dist }: { root: string; dist: string }): Promise<void> {
  const issues = await problemIssues(root);
  if (issues.length > 0) throw new Error(`content-problems:\n  ${issues.join('\n  ')}`);
  // Written only once every problem passed: a file here vouches for the texts it holds.
  const folder = join(dist, 'problems');
  mkdirSync(folder, { recursive: true });
  for (const id of listProblemIds(root)) {
    const file = await builtProblemFile(root, id);
    writeFileSync(join(folder, `${id}.json`), `${JSON.stringify(file)}\n`);
  }
}
