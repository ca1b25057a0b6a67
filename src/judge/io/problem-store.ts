import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { ContentError, EnvironmentError, UsageError } from '../../errors.js';
import {
  newerFormatMessage,
  newerFormatVersion,
  UPDATE_PIXEL_HINT,
} from '../../shared/core/format-version.js';
import { issueLines } from '../../shared/core/zod-issues.js';
import { buildCase, providedNames } from '../core/generate.js';
import { builtChecked, readBuiltProblem, type BuiltProblemFile } from '../core/built-problem.js';
import {
  PROBLEM_FORMAT_VERSION,
  problemSchemas,
  type CaseSpec,
  type JudgeCase,
  type CaseInput,
  type Problem,
} from '../core/problem-schema.js';
import { importModule } from '../../import-module.js';
import type { VizModel } from '../../viz/core/model.js';
import { packageRoot } from '../../shared/io/package-root.js';
import { matchTopic } from '../../shared/core/topic-match.js';
import { sanitizeText } from '../../shared/core/sanitize.js';

export interface LoadedProblem {
  dir: string;
  problem: Problem;
  cases: JudgeCase[];
  /** The reference's raw answers to these cases, as the build worked them out (when it did). */
  builtAnswers: ReadonlyMap<JudgeCase, unknown>;
}

/** The trusted reference module of a problem (problems/<id>/reference.mjs). */
export interface ReferenceModule {
  /** The answer, in the problem's declared return shape. */
  solve(input: CaseInput): unknown;
  mistakes: Record<string, Array<(input: CaseInput) => unknown>>;
}

export function problemsRoot(root: string = packageRoot()): string {
  return join(root, 'problems');
}

export function harnessesRoot(root: string = packageRoot()): string {
  return join(root, 'harnesses');
}

export function listProblemIds(root?: string): string[] {
  const folder = problemsRoot(root);
  try {
    return readdirSync(folder)
      .filter((name) => existsSync(join(folder, name, 'problem.json')))
      .sort();
  } catch {
    return [];
  }
}

/** A content file's text; unreadable is a content error, like unparsable. */
function readContent(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ContentError(file, [`cannot read it: ${(error as Error).message}`]);
  }
}

/**
 * What the build recorded of the installed package's problem `id` (see core/built-problem.ts).
 * Problems under another root (the build itself, which must check afresh, or a test's folder)
 * have no record: everything is checked.
 */
function builtRecord(id: string, root: string | undefined): BuiltProblemFile | undefined {
  if (root !== undefined) return undefined;
  try {
    return readBuiltProblem(
      readFileSync(join(packageRoot(), 'dist', 'problems', `${id}.json`), 'utf8'),
    );
  } catch {
    return undefined;
  }
}

/**
 * A problem file's data: trusted as it is when the build checked this very text, else checked
 * against its schema (made only then).
 */
function parseFile<T>(
  file: string,
  schema: () => z.ZodMiniType<T>,
  text: string,
  checkedByBuild: boolean,
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ContentError(file, [`cannot read it as JSON: ${(error as Error).message}`]);
  }
  if (checkedByBuild) return raw as T;
  const newer = newerFormatVersion(raw, PROBLEM_FORMAT_VERSION);
  if (newer !== undefined) {
    throw new EnvironmentError(newerFormatMessage(file, newer, PROBLEM_FORMAT_VERSION), {
      hint: UPDATE_PIXEL_HINT,
    });
  }
  const result = schema().safeParse(raw, { reportInput: true });
  if (!result.success) throw new ContentError(file, issueLines(result.error));
  return result.data;
}

/** A problem folder's file, parsed (see parseFile). */
function parseProblemFile<T>(
  dir: string,
  name: 'problem.json' | 'cases.json',
  schema: () => z.ZodMiniType<T>,
  built: BuiltProblemFile | undefined,
): { data: T; checkedByBuild: boolean } {
  const file = join(dir, name);
  const text = readContent(file);
  const checkedByBuild = builtChecked(built, name, text);
  return { data: parseFile(file, schema, text, checkedByBuild), checkedByBuild };
}

const problemSchema = () => problemSchemas().ProblemSchema;
const casesFileSchema = () => problemSchemas().CasesFileSchema;

/**
 * Cross-file rules the schemas cannot express; returns every issue found. It reads the cases as
 * declared, so no generator runs for it.
 */
export function checkProblemRules(problem: Problem, cases: CaseSpec[], id: string): string[] {
  const issues: string[] = [];
  if (problem.id !== id) issues.push(`id "${problem.id}" does not match its folder "${id}"`);
  const seen = new Set<string>();
  for (const testCase of cases) {
    if (seen.has(testCase.id)) issues.push(`case id "${testCase.id}" is used twice`);
    seen.add(testCase.id);
    const provided = providedNames(testCase);
    for (const parameter of problem.parameters) {
      if (!provided.has(parameter.name))
        issues.push(`case "${testCase.id}" has no value for "${parameter.name}"`);
    }
  }
  if (!cases.some((testCase) => !testCase.hidden)) issues.push('no public example case');
  const firstHidden = cases.findIndex((testCase) => testCase.hidden);
  if (firstHidden >= 0 && cases.slice(firstHidden).some((testCase) => !testCase.hidden))
    issues.push('public cases must come before hidden ones');
  return issues;
}

/** problem.json alone (no cases): enough to list the track or find a problem by alias. */
export function loadProblemInfo(id: string, root?: string): { dir: string; problem: Problem } {
  const dir = join(problemsRoot(root), id);
  return {
    dir,
    problem: parseProblemFile(dir, 'problem.json', problemSchema, builtRecord(id, root)).data,
  };
}

/** Every problem, in track order. */
export function listProblems(root?: string): Problem[] {
  return listProblemIds(root)
    .map((id) => loadProblemInfo(id, root).problem)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * The problem a learner means: its id or an alias, any case, spaces for dashes; otherwise a
 * usage error naming the closest ones.
 */
export function resolveProblemId(query: string, root?: string): string {
  // The exact id, as a workspace records it, needs no listing of the whole track.
  if (
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(query) &&
    existsSync(join(problemsRoot(root), query, 'problem.json'))
  )
    return query;
  const problems = listProblems(root);
  const match = matchTopic(
    query,
    problems.map((problem) => ({ id: problem.id, aliases: problem.aliases ?? [] })),
  );
  if (match.found) return match.topic.id;
  const shown = sanitizeText(query, { singleLine: true });
  throw new UsageError(`unknown problem "${shown}"`, {
    hint:
      problems.length === 0
        ? 'no problems are installed'
        : match.suggestions.length > 0
          ? `did you mean ${match.suggestions.map((topic) => topic.id).join(' or ')}? (\`pixel problems\` lists them)`
          : `\`pixel problems\` lists them: ${problems.map((problem) => problem.id).join(', ')}`,
  });
}

/** A problem with its cases built, found by id or alias (see resolveProblemId). */
export function loadProblem(query: string, root?: string): LoadedProblem {
  const id = resolveProblemId(query, root);
  const dir = join(problemsRoot(root), id);
  // Read now, before any learner code runs: in the reduced sandbox a solution could rewrite it.
  const built = builtRecord(id, root);
  const problem = parseProblemFile(dir, 'problem.json', problemSchema, built);
  const specs = parseProblemFile(dir, 'cases.json', casesFileSchema, built);
  const issues = checkProblemRules(problem.data, specs.data.cases, id);
  if (issues.length > 0) throw new ContentError(join(dir, 'problem.json'), issues);
  const cases = specs.data.cases.map(buildCase);
  const answers =
    problem.checkedByBuild && specs.checkedByBuild ? builtAnswers(built, dir, cases) : new Map();
  return { dir, problem: problem.data, cases, builtAnswers: answers };
}

/** The build's answers to these cases, when its reference.mjs is this one. */
function builtAnswers(
  built: BuiltProblemFile | undefined,
  dir: string,
  cases: readonly JudgeCase[],
): ReadonlyMap<JudgeCase, unknown> {
  const answers = new Map<JudgeCase, unknown>();
  let reference: string;
  try {
    reference = readFileSync(join(dir, 'reference.mjs'), 'utf8');
  } catch {
    return answers;
  }
  if (!built || !builtChecked(built, 'reference.mjs', reference)) return answers;
  for (const testCase of cases)
    if (Object.hasOwn(built.answers, testCase.id))
      answers.set(testCase, built.answers[testCase.id]);
  return answers;
}

export function readStatement(loaded: LoadedProblem): string {
  return readFileSync(join(loaded.dir, 'statement.md'), 'utf8');
}

/** The reference's `visualise` export, for a problem that declares a visualisation. */
export async function loadVizModel(loaded: LoadedProblem): Promise<VizModel> {
  const file = join(loaded.dir, 'reference.mjs');
  const module = (await importModule(pathToFileURL(file).href)) as {
    visualise?: Partial<VizModel>;
  };
  const model = module.visualise;
  if (
    typeof model !== 'object' ||
    model === null ||
    typeof model.start !== 'function' ||
    (model.step !== undefined && typeof model.step !== 'function') ||
    (model.measure !== undefined && typeof model.measure !== 'function') ||
    (model.total !== undefined && typeof model.total !== 'function')
  ) {
    throw new ContentError(file, [
      'must export visualise = { start(input), step?(state, input, index), measure?(state, input), total?(input) }',
    ]);
  }
  return model as VizModel;
}

/** loadReference, started by the first call; every call shares that one import. */
export function referenceLoader(loaded: LoadedProblem): () => Promise<ReferenceModule> {
  let loading: Promise<ReferenceModule> | undefined;
  return () => (loading ??= loadReference(loaded));
}

export async function loadReference(loaded: LoadedProblem): Promise<ReferenceModule> {
  const file = join(loaded.dir, 'reference.mjs');
  const module = (await importModule(pathToFileURL(file).href)) as Partial<ReferenceModule>;
  if (
    typeof module.solve !== 'function' ||
    typeof module.mistakes !== 'object' ||
    !module.mistakes
  ) {
    throw new ContentError(file, ['must export solve(input) and a mistakes object']);
  }
  return module as ReferenceModule;
}
