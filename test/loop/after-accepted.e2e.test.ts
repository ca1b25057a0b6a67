import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, runPixel } from '../helpers/run-pixel.js';

/**
 * What comes after "Accepted", through the real binary: the solution unlocks, the speed line,
 * the next step, and only the workspace's own solution counting.
 */
const SOLUTIONS = join(REPO_ROOT, 'problems', 'gradient-descent', 'solutions');
let temp: { dir: string; cleanup: () => Promise<void> };
let env: Record<string, string>;
let workspace: string;
beforeAll(async () => {
  temp = await makeTempDir();
  env = { PIXEL_HOME: join(temp.dir, 'home'), COLUMNS: '100' };
  expect((await runPixel(['solve', 'gd', '--dir', 'ws'], { cwd: temp.dir, env })).code).toBe(0);
  workspace = join(temp.dir, 'ws');
});
afterAll(() => temp.cleanup());

const progressOf = async () =>
  JSON.parse((await runPixel(['progress', '--json'], { env })).stdout) as {
    problems: { items: Array<{ id: string; attempts: number; solved: boolean }> };
    lessons: { items: Array<{ id: string; read: boolean; quiz: unknown }> };
  };

describe('after Accepted', { timeout: 240_000 }, () => {
  it('refuses the solution until the workspace solution is accepted, and says why', async () => {
    const run = await runPixel(['solution'], { cwd: workspace, env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'pixel: the reference solution to gradient-descent opens once your own is accepted\n' +
        'hint: `pixel submit` in your workspace judges it (`pixel solve` makes one)\n',
    );
  });

  it('judges a file given with --problem as practice: accepted, never recorded', async () => {
    await copyFile(join(SOLUTIONS, 'plain.js'), join(temp.dir, 'mine.js'));
    const run = await runPixel(['submit', 'mine.js', '--problem', 'gd', '--no-speed'], {
      cwd: temp.dir,
      env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "not recorded in your progress: only the workspace's own solution counts",
    );
    expect(run.stdout).not.toContain('next:');
    expect((await progressOf()).problems.items).toEqual([]);
    expect((await runPixel(['solution'], { cwd: workspace, env })).code).toBe(2);
  });

  it('shows the speed line, the solution and the next step on acceptance', async () => {
    await copyFile(join(SOLUTIONS, 'plain.py'), join(workspace, 'solution.py'));
    const run = await runPixel(['submit'], { cwd: workspace, env, timeoutMs: 200_000 });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((line) => line.includes('Accepted. Well done!'));
    expect(lines[at + 1]).toBe(
      '  speed on the scale cases (2), in points × iterations per second:',
    );
    expect(lines[at + 2]).toMatch(/^ {4}yours {10}[\d.]+ [kMG]?\/s$/);
    expect(lines[at + 3]).toMatch(
      /^ {4}plain\.py {7}[\d.]+ [kMG]?\/s +yours is (about as fast|[\d.]+× (faster|slower))$/,
    );
    expect(lines[at + 4]).toMatch(
      /^ {4}vectorised\.py {2}([\d.]+ [kMG]?\/s +yours is [\d.]+× slower|— +needs numpy, not installed here)$/,
    );
    expect(lines[at + 5]).toMatch(
      /it informs and never changes a verdict; timing the references took [\d.]+ s \(--no-speed skips it\)/,
    );
    expect(run.stdout).toContain(
      '`pixel solution` shows the reference and how it compares; `pixel viz` shows it run',
    );
    expect(run.stdout).toMatch(
      /\nnext: pixel learn linear-regression \(read "Linear regression"\)\n$/,
    );
    const progress = await progressOf();
    expect(progress.problems.items).toMatchObject([
      { id: 'gradient-descent', attempts: 1, solved: true },
    ]);
  });

  it('then shows the reference in the language of the workspace, with the note', async () => {
    const run = await runPixel(['solution'], { cwd: workspace, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Gradient Descent for Linear Regression: the reference in python\n/,
    );
    expect(run.stdout).toContain('The reference, as a plain loop (plain.py)');
    expect(run.stdout).toContain('    def gradient_descent(x, y, learning_rate, iterations):');
    expect(run.stdout).toContain('Vectorised (vectorised.py)');
    expect(run.stdout).toContain('Why the loop is still right');
    expect(run.stdout).not.toContain('plain.js');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/\u001b/);

    const js = await runPixel(['solution', '--lang', 'javascript'], { cwd: workspace, env });
    expect(js.stdout).toContain(
      'export function gradientDescent(x, y, learningRate, iterations) {',
    );
    expect(js.stdout).toContain('Vectorised (vectorised.js)');
    const ts = await runPixel(['solution', 'gd', '--lang', 'typescript', '--json'], { env });
    const data = JSON.parse(ts.stdout) as {
      files: Array<{ name: string; code: string }>;
      notes: string;
    };
    expect(data.files.map((file) => file.name)).toEqual(['plain.ts']);
    expect(data.files[0]?.code).toBe(await readFile(join(SOLUTIONS, 'plain.ts'), 'utf8'));
    expect(data.notes).toContain('## How the solutions compare');
  });

  it('highlights the code when colour is on', async () => {
    const run = await runPixel(['solution'], {
      cwd: workspace,
      env: { ...env, FORCE_COLOR: '1', NO_COLOR: undefined },
    });
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).toMatch(/\u001b\[35mdef\u001b\[39m/);
  });

  it('reset keeps the learner file, then the starter is back', async () => {
    const mine = await readFile(join(workspace, 'solution.py'), 'utf8');
    const refused = await runPixel(['reset'], { cwd: workspace, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('hint: add --yes: pixel reset --yes');
    const run = await runPixel(['reset', '--yes'], { cwd: workspace, env });
    expect(run.code).toBe(0);
    const starter = await readFile(
      join(REPO_ROOT, 'problems', 'gradient-descent', 'starters', 'python', 'solution.py.tmpl'),
      'utf8',
    );
    expect(await readFile(join(workspace, 'solution.py'), 'utf8')).toBe(starter);
    const backups = (await readdir(join(workspace, '.pixel'))).filter((name) =>
      name.startsWith('backup-'),
    );
    expect(backups).toHaveLength(1);
    expect(await readFile(join(workspace, '.pixel', backups[0]!, 'solution.py'), 'utf8')).toBe(
      mine,
    );
    expect(run.stdout).toContain(`Your file is kept as .pixel/${backups[0]}/solution.py`);
    const again = await runPixel(['reset', '--yes'], { cwd: workspace, env });
    expect(again.stdout).toBe('solution.py is already the starter: nothing to reset.\n');
  });

  it('progress --reset forgets one problem, one lesson with its quiz, or everything, keeping a copy', async () => {
    await runPixel(['learn', 'mse'], { env });
    let progress = await progressOf();
    expect(progress.lessons.items.find((item) => item.id === 'mse')?.read).toBe(true);

    const asked = await runPixel(['progress', '--reset', 'mse'], { env });
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('hint: add --yes: pixel progress --reset mse --yes');

    const lesson = await runPixel(['progress', '--reset', 'mean-squared-error', '--yes'], { env });
    expect(lesson.code).toBe(0);
    expect(lesson.stdout).toMatch(
      /^Forgot the lesson mse \(read and quiz score\)\.\nThe previous progress file is kept as .*progress\.backup-.*\.json\n$/,
    );
    progress = await progressOf();
    expect(progress.lessons.items.find((item) => item.id === 'mse')?.read).toBe(false);
    expect(progress.problems.items).toHaveLength(1);

    const both = await runPixel(['progress', '--reset', 'gradient-descent', '--yes'], { env });
    expect(both.stdout).toContain(
      'the lesson gradient-descent (read and quiz score) and the problem gradient-descent (attempts, solved, hints)',
    );
    expect((await progressOf()).problems.items).toEqual([]);

    const unknown = await runPixel(['progress', '--reset', 'gradient-decent', '--yes'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean gradient-descent');

    await runPixel(['learn', 'mlops'], { env });
    const all = await runPixel(['progress', '--reset', '--yes', '--json'], { env });
    const report = JSON.parse(all.stdout) as { lessons: { read: number } };
    expect(report.lessons.read).toBe(0);
    const files = await readdir(join(temp.dir, 'home', 'data'));
    expect(
      files.filter((name) => name.startsWith('progress.backup-')).length,
    ).toBeGreaterThanOrEqual(3);
  });
});
