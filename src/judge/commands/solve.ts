import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { ContentError, UsageError } from '../../errors.js';
import { LanguageSchema, type Language } from '../core/problem-schema.js';
import { renderReadme } from '../core/readme.js';
import { WORKSPACE_MARKER, type WorkspaceMarker } from '../core/workspace-schema.js';
import { writeFileAtomic } from '../../shared/io/atomic-write.js';
import { extractReference } from '../core/shape.js';
import { nextUnsolved, trackStanding } from '../core/track.js';
import { loadProgress } from '../../shared/io/progress-store.js';
import { findWorkspaceRoot } from '../io/workspace.js';
import { listProblems, loadProblem, loadReference, readStatement } from '../io/problem-store.js';
import { chalkFor } from '../../shared/ui/plain-chalk.js';

export const solveOptionsSchema = z.object({
  problem: z.optional(z.string()),
  lang: z._default(LanguageSchema, 'python'),
  dir: z.optional(z.string().check(z.minLength(1))),
  force: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
});
export type SolveOptions = z.infer<typeof solveOptionsSchema>;

export interface SolveResult {
  problem: string;
  language: Language;
  dir: string;
  files: string[];
  /** Files that existed and were copied aside before being replaced. */
  backedUp: string[];
  backupDir?: string;
}

/** What a fresh repository holds before anything is written: not the learner's work. */
const IGNORED_ENTRIES = new Set(['.git']);

async function isNonEmptyFolder(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) {
      throw new UsageError(`${path} exists and is not a folder`, {
        hint: 'choose another place with --dir',
      });
    }
    return (await readdir(path)).some((name) => !IGNORED_ENTRIES.has(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Scaffolds a workspace: statement as README.md, the starter, editor config for JS/TS and the
 * .pixel/workspace.json marker. Never replaces a learner's file without copying it aside first.
 */
export async function solve(options: SolveOptions, context: Context): Promise<SolveResult> {
  // No problem named: the next unsolved one on the track.
  let chosen = options.problem;
  if (!chosen) {
    const track = trackStanding(listProblems(), await loadProgress(context.paths, context.warn));
    const upcoming = nextUnsolved(track);
    if (!upcoming) {
      throw new UsageError('every problem on the track is solved: name one to practise again', {
        hint: `\`pixel problems\` lists them (e.g. \`pixel solve ${track[0]?.id ?? '<id>'}\`)`,
      });
    }
    chosen = upcoming.id;
    if (!options.json)
      context.stderr.write(
        `No problem named: the next on the track is ${upcoming.id} (${upcoming.difficulty}).\n`,
      );
  }
  const loaded = loadProblem(chosen);
  const { problem } = loaded;
  const language = options.lang;
  const dir = resolve(context.cwd, options.dir ?? problem.id);

  // A workspace inside another would make `pixel test` in the inner one ambiguous, and
  // `pixel submit` in the outer one copy the inner one's files as helpers.
  const outer = findWorkspaceRoot(dirname(dir));
  if (outer) {
    throw new UsageError(`${dir} is inside the workspace ${outer}`, {
      hint: `make it beside that workspace: cd ${relative(context.cwd, dirname(outer)) || '.'} first, or give --dir a folder outside it`,
    });
  }
  if ((await isNonEmptyFolder(dir)) && !options.force) {
    throw new UsageError(`${dir} already exists and is not empty`, {
      hint: 'choose another folder with --dir, or add --force to replace pixel files (they are backed up first)',
    });
  }

  const reference = await loadReference(loaded);
  const examples = loaded.cases
    .filter((testCase) => !testCase.hidden)
    .map((testCase) => {
      const expected = extractReference(problem.returns, reference.solve(testCase.input));
      if (!expected.ok)
        throw new ContentError(join(loaded.dir, 'reference.mjs'), [expected.problem]);
      return { testCase, expected: expected.numbers };
    });
  const starterDir = join(loaded.dir, 'starters', language);
  const files = new Map<string, string | Buffer>();
  files.set(
    'README.md',
    renderReadme({ problem, statement: readStatement(loaded), language, examples }),
  );
  // Starters are stored as `<name>.tmpl` so the repository's linters leave the learner's
  // template (unused parameters, a TODO) alone.
  for (const name of (await readdir(starterDir)).sort()) {
    if (!name.endsWith('.tmpl')) continue;
    files.set(name.slice(0, -'.tmpl'.length), await readFile(join(starterDir, name)));
  }
  const marker: WorkspaceMarker = {
    problem: problem.id,
    language,
    solution: problem.languages[language].file,
    version: context.version,
  };
  files.set(WORKSPACE_MARKER, `${JSON.stringify(marker, null, 2)}\n`);

  // Back up every existing file that would change, all into one dated folder.
  const stamp = context.now().toISOString().replace(/[:.]/g, '-');
  const backupDir = join(dir, '.pixel', `backup-${stamp}`);
  const backedUp: string[] = [];
  for (const [name, content] of files) {
    const target = join(dir, name);
    const existing = await readIfExists(target);
    if (existing === undefined || existing.equals(Buffer.from(content))) continue;
    const copy = join(backupDir, name);
    await mkdir(dirname(copy), { recursive: true });
    await copyFile(target, copy);
    backedUp.push(name);
  }
  for (const [name, content] of files) {
    await writeFileAtomic(join(dir, name), content);
  }

  const result: SolveResult = {
    problem: problem.id,
    language,
    dir,
    files: [...files.keys()],
    backedUp,
    ...(backedUp.length > 0 ? { backupDir } : {}),
  };
  if (options.json) {
    context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  const chalk = await chalkFor(context.color);
  const shown = relative(context.cwd, dir) || '.';
  const solutionFile = problem.languages[language].file;
  const lines = [
    `Created ${chalk.bold(shown)} for ${problem.title} (${language}):`,
    `  README.md              the statement, the examples and the next steps`,
    `  ${solutionFile.padEnd(22)} your solution: fill in ${problem.languages[language].entry}`,
    ...result.files
      .filter((name) => !['README.md', solutionFile, WORKSPACE_MARKER].includes(name))
      .map((name) => `  ${name.padEnd(22)} for your editor`),
    `  ${WORKSPACE_MARKER.padEnd(22)} marks the folder for pixel test/submit/hint`,
  ];
  if (backedUp.length > 0) {
    lines.push(
      chalk.yellow(
        `Backed up ${backedUp.length} file${backedUp.length === 1 ? '' : 's'} it replaced (${backedUp.join(', ')}) to ${relative(context.cwd, backupDir)}/`,
      ),
    );
  }
  lines.push(
    '',
    'Next:',
    ...(shown === '.' ? [] : [`  cd ${shown}`]),
    '  pixel test      # run the public examples',
    '  pixel submit    # judge it, hidden cases included',
    '  pixel hint      # stuck? the next hint',
  );
  context.stdout.write(`${lines.join('\n')}\n`);
  return result;
}
