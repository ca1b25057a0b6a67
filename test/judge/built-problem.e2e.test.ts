/**
 * The build's record of each problem (dist/problems/<id>.json: the texts of the files it
 * checked, the reference's answers to the shipped cases), driven through a copy of pixel so that
 * its files can be changed: the answers decide a submit without the reference being imported,
 * the reference runs only to diagnose a wrong answer, and a file edited after the build is
 * checked and worked out afresh, never judged against stale answers.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, runPixel, type PixelRun } from '../helpers/run-pixel.js';

let temp: { dir: string; cleanup: () => Promise<void> };
let copies = 0;

beforeAll(async () => {
  temp = await makeTempDir('pixel-built-problem-');
});
afterAll(() => temp.cleanup());

const SAMPLES = join(REPO_ROOT, 'problems', 'gradient-descent', 'submissions');
const ACCEPTED = join(SAMPLES, 'accepted', 'plain-loop.js');
const WRONG = join(SAMPLES, 'wrong_answer', 'missing-factor-2.js');

/** A copy of the built package (no node_modules: JavaScript needs no esbuild). */
async function copyOfPixel(): Promise<string> {
  const copy = join(temp.dir, `pixel-${++copies}`);
  for (const entry of ['package.json', 'bin', 'dist', 'harnesses', 'problems', 'lessons'])
    await cp(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
  return copy;
}

function submit(
  copy: string,
  solution: string,
  env: { [name: string]: string } = {},
): Promise<PixelRun> {
  return runPixel(['submit', solution, '--problem', 'gd', '--no-speed'], {
    bin: join(copy, 'bin', 'pixel.js'),
    cwd: temp.dir,
    env: { HOME: temp.dir, PIXEL_HOME: join(temp.dir, 'home'), ...env },
  });
}

const recordOf = (copy: string) => join(copy, 'dist', 'problems', 'gradient-descent.json');
const problemFile = (copy: string, name: string) =>
  join(copy, 'problems', 'gradient-descent', name);

interface Record {
  files: { [name: string]: string };
  answers: { [id: string]: unknown };
}
const readRecord = async (copy: string) =>
  JSON.parse(await readFile(recordOf(copy), 'utf8')) as Record;

/** Makes the copy's reference leave a file behind whenever it is imported. */
async function markReferenceImports(copy: string): Promise<string> {
  const marker = join(temp.dir, `reference-imported-${copies}`);
  const file = problemFile(copy, 'reference.mjs');
  const text = `${await readFile(file, 'utf8')}\nimport { writeFileSync as markImport } from 'node:fs';\nmarkImport(${JSON.stringify(marker)}, 'imported');\n`;
  await writeFile(file, text);
  // As if the build had checked this reference, so that its answers still count.
  const record = await readRecord(copy);
  record.files['reference.mjs'] = text;
  await writeFile(recordOf(copy), JSON.stringify(record));
  return marker;
}

describe('the build’s record of a problem', () => {
  it('holds the reference’s answer to every case of gradient-descent', async () => {
    const record = await readRecord(REPO_ROOT);
    const cases = JSON.parse(await readFile(problemFile(REPO_ROOT, 'cases.json'), 'utf8')) as {
      cases: Array<{ id: string }>;
    };
    expect(Object.keys(record.answers).sort()).toEqual(cases.cases.map((c) => c.id).sort());
    expect(Object.keys(record.files).sort()).toEqual([
      'cases.json',
      'problem.json',
      'reference.mjs',
    ]);
  });

  it('decides the verdict: an accepted submit never imports the reference', async () => {
    const copy = await copyOfPixel();
    const marker = await markReferenceImports(copy);
    const accepted = await submit(copy, ACCEPTED);
    expect(accepted.stdout).toContain('verdict: accepted · 28/28 passed');
    expect(accepted.code).toBe(0);
    expect(existsSync(marker)).toBe(false);

    // A wrong answer is diagnosed by the reference's mistakes: imported then, after the run.
    const wrong = await submit(copy, WRONG);
    expect(wrong.stdout).toContain('likely mistake: the factor 2 is missing from the gradients');
    expect(wrong.code).toBe(1);
    expect(existsSync(marker)).toBe(true);
  });

  it('is what the judge compares with: answers altered in it reject a right solution', async () => {
    const copy = await copyOfPixel();
    const record = await readRecord(copy);
    record.answers['example-1'] = [0, 0];
    await writeFile(recordOf(copy), JSON.stringify(record));
    const run = await submit(copy, ACCEPTED);
    expect(run.stdout).toContain('verdict: wrong_answer on example-1');
    expect(run.code).toBe(1);
  });

  it('does not count for a case file edited after the build: its answers are worked out again', async () => {
    const copy = await copyOfPixel();
    const file = problemFile(copy, 'cases.json');
    const cases = JSON.parse(await readFile(file, 'utf8')) as {
      cases: Array<{ id: string; input: { learningRate: number } }>;
    };
    const first = cases.cases[0];
    if (!first) throw new Error('gradient-descent has no cases');
    first.input.learningRate /= 2;
    await writeFile(file, JSON.stringify(cases, null, 2));
    // With the record's answers for the old rate, the right solution would be wrong here.
    const run = await submit(copy, ACCEPTED);
    expect(run.stdout).toContain('verdict: accepted · 28/28 passed');
    expect(run.code).toBe(0);
  });

  it('does not vouch for a problem file edited after the build: it is checked again', async () => {
    const copy = await copyOfPixel();
    const file = problemFile(copy, 'problem.json');
    const problem = JSON.parse(await readFile(file, 'utf8')) as { [key: string]: unknown };
    delete problem.title;
    await writeFile(file, JSON.stringify(problem, null, 2));
    const run = await submit(copy, ACCEPTED);
    expect(run.stderr).toContain('invalid content in');
    expect(run.stderr).toContain('title');
    expect(run.code).toBe(2);
  });

  it('a missing or damaged record costs nothing but speed', async () => {
    const copy = await copyOfPixel();
    await writeFile(recordOf(copy), '{"files": 1');
    expect((await submit(copy, ACCEPTED)).code).toBe(0);
    await writeFile(recordOf(copy), '');
    const run = await submit(copy, WRONG);
    expect(run.stdout).toContain('likely mistake: the factor 2 is missing from the gradients');
    expect(run.code).toBe(1);
  });

  it('is read before learner code runs: a solution that rewrites it in the reduced sandbox still fails', async () => {
    const copy = await copyOfPixel();
    const record = await readRecord(copy);
    const forged = {
      ...record,
      answers: Object.fromEntries(Object.keys(record.answers).map((id) => [id, [0, 0]])),
    };
    const solution = join(temp.dir, 'forges-the-record.js');
    await writeFile(
      solution,
      `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(recordOf(copy))}, ${JSON.stringify(JSON.stringify(forged))});
export function gradientDescent() { return [0, 0]; }
`,
    );
    const run = await submit(copy, solution, { PIXEL_SANDBOX_NAMESPACE: '0' });
    expect(run.stdout).toContain('verdict: wrong_answer on example-1');
    expect(run.code).toBe(1);
    // It could write it (the reduced sandbox runs as the user): the judging had read it before.
    expect((await readRecord(copy)).answers['example-1']).toEqual([0, 0]);
  });
});
