import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionReport } from '../../src/judge/core/report.js';
import { ProgressSchema } from '../../src/shared/core/progress.js';
import { hasControlCharacters, makeTempDir, REPO_ROOT, runPixel } from '../helpers/run-pixel.js';
import { withoutTimings } from './judge-helpers.js';

const SUBMISSIONS = join(REPO_ROOT, 'problems', 'gradient-descent', 'submissions');
const sample = (path: string) => readFile(join(SUBMISSIONS, path), 'utf8');

let temp: { dir: string; cleanup: () => Promise<void> };
let env: Record<string, string>;
beforeEach(async () => {
  temp = await makeTempDir('pixel-judge-');
  env = { PIXEL_HOME: join(temp.dir, 'home') };
});
afterEach(async () => {
  await temp.cleanup();
});

const pixel = (args: string[], cwd: string, extra: Record<string, string> = {}) =>
  runPixel(args, { cwd, env: { ...env, ...extra }, timeoutMs: 120_000 });

const LANGUAGES = [
  { lang: 'python', file: 'solution.py', accepted: 'accepted/plain-loop.py', extra: [] },
  {
    lang: 'javascript',
    file: 'solution.js',
    accepted: 'accepted/plain-loop.js',
    extra: ['package.json', 'jsconfig.json'],
  },
  {
    lang: 'typescript',
    file: 'solution.ts',
    accepted: 'accepted/typed.ts',
    extra: ['package.json', 'tsconfig.json'],
  },
] as const;

describe('scaffold → test → submit, through bin/pixel.js', () => {
  for (const { lang, file, accepted, extra } of LANGUAGES) {
    it(`works end to end in ${lang}`, { timeout: 180_000 }, async () => {
      const solved = await pixel(['solve', 'gradient-descent', '--lang', lang], temp.dir);
      expect(solved.code, solved.stderr).toBe(0);
      expect(solved.stdout).toContain('cd gradient-descent');
      const workspace = join(temp.dir, 'gradient-descent');
      const files = await readdir(workspace);
      for (const name of ['README.md', file, '.pixel', ...extra]) expect(files).toContain(name);
      const marker: unknown = JSON.parse(
        await readFile(join(workspace, '.pixel', 'workspace.json'), 'utf8'),
      );
      expect(marker).toMatchObject({ problem: 'gradient-descent', language: lang, solution: file });
      const readme = await readFile(join(workspace, 'README.md'), 'utf8');
      expect(readme).toContain('no ½');
      expect(readme).toContain('w = 1.32, b = 0.78');
      expect(readme).toContain('pixel submit');

      // The starter itself is never accepted.
      const starter = await pixel(['submit'], workspace);
      expect(starter.code).toBe(1);
      expect(starter.stdout).toContain('verdict: wrong_answer');

      await writeFile(join(workspace, file), await sample(accepted));
      const tested = await pixel(['test'], join(workspace, '.pixel')); // found by walking up
      expect(tested.code, tested.stdout + tested.stderr).toBe(0);
      expect(tested.stdout).toContain('3/3 examples passed');
      expect(tested.stdout).toMatch(/✓ w\s+1\.32\s+1\.32/);

      const submitted = await pixel(['submit'], workspace);
      expect(submitted.code, submitted.stdout + submitted.stderr).toBe(0);
      expect(submitted.stdout).toContain('verdict: accepted');
      expect(submitted.stdout).toMatch(/✓ scale-2\s+scale/);
      expect(hasControlCharacters(submitted.stdout)).toBe(false);

      const progress = ProgressSchema.parse(
        JSON.parse(await readFile(join(env.PIXEL_HOME as string, 'data', 'progress.json'), 'utf8')),
      );
      const entry = progress.problems['gradient-descent'];
      expect(entry?.attempts).toBe(2);
      expect(entry?.solvedAt).toEqual(expect.any(String));
      expect(entry?.submissions.map((s) => s.verdict)).toEqual(['wrong_answer', 'accepted']);
    });
  }
});

describe('pixel solve', () => {
  it('refuses a non-empty folder, and --force backs up what it replaces', async () => {
    await mkdir(join(temp.dir, 'gd'));
    await writeFile(join(temp.dir, 'gd', 'notes.txt'), 'mine');
    const refused = await pixel(['solve', 'gradient-descent', '--dir', 'gd'], temp.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^pixel: .*already exists and is not empty\nhint: .*--force/);

    const first = await pixel(['solve', 'gradient-descent', '--dir', 'gd', '--force'], temp.dir);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('Backed up');
    await writeFile(join(temp.dir, 'gd', 'solution.py'), '# my precious work\n');

    const again = await pixel(['solve', 'gradient-descent', '--dir', 'gd', '--force'], temp.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /Backed up 1 file it replaced \(solution\.py\) to gd\/\.pixel\/backup-/,
    );
    const backups = (await readdir(join(temp.dir, 'gd', '.pixel'))).filter((n) =>
      n.startsWith('backup-'),
    );
    expect(backups).toHaveLength(1);
    const saved = await readFile(
      join(temp.dir, 'gd', '.pixel', backups[0] as string, 'solution.py'),
      'utf8',
    );
    expect(saved).toBe('# my precious work\n');
    expect(await readFile(join(temp.dir, 'gd', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('lists the problems for an unknown one (exit 2)', async () => {
    const run = await pixel(['solve', 'gradient-ascent'], temp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'pixel: unknown problem "gradient-ascent"\nhint: did you mean gradient-descent? (`pixel problems` lists them)\n',
    );
  });

  it('rejects an unknown language with the choices (exit 2)', async () => {
    const run = await pixel(['solve', 'gradient-descent', '--lang', 'rust'], temp.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('python, javascript, typescript');
  });
});

describe('pixel submit and pixel test: usage and environment errors', () => {
  it('says how to make a workspace when there is none (exit 2)', async () => {
    for (const command of ['submit', 'test', 'hint']) {
      const run = await pixel([command], temp.dir);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toMatch(/^pixel: .*\nhint: .*pixel solve|--problem/);
    }
  });

  it('rejects an unknown problem, language or file type (exit 2)', async () => {
    await writeFile(join(temp.dir, 'solution.py'), await sample('accepted/plain-loop.py'));
    await writeFile(join(temp.dir, 'solution.rb'), 'puts 1\n');
    const cases: Array<[string[], RegExp]> = [
      [
        ['submit', 'solution.py', '--problem', 'nope'],
        /^pixel: unknown problem "nope"\nhint: `pixel problems` lists them: .*gradient-descent/,
      ],
      [['submit', 'solution.py', '--lang', 'rust'], /python, javascript, typescript/],
      [
        ['submit', 'solution.rb', '--problem', 'gradient-descent'],
        /^pixel: cannot tell the language of solution\.rb\nhint: /,
      ],
      [
        ['submit', 'solution.py'],
        /^pixel: which problem is solution\.py a solution to\?\nhint: pass --problem/,
      ],
      [
        ['submit', 'missing.py', '--problem', 'gradient-descent'],
        /^pixel: no such file or folder: missing\.py\n/,
      ],
    ];
    for (const [args, stderr] of cases) {
      const run = await pixel(args, temp.dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(stderr);
      expect(run.stdout).toBe('');
    }
  });

  it('exits 3 and says what to install when python3 is missing', async () => {
    await pixel(['solve', 'gradient-descent'], temp.dir);
    const run = await pixel(['submit'], join(temp.dir, 'gradient-descent'), {
      PATH: '/nonexistent',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /^pixel: python3 is not installed or not on PATH\nhint: install Python 3/,
    );
  });

  it('runs a custom input from JSON or @file, and rejects bad input (exit 2)', async () => {
    await pixel(['solve', 'gradient-descent'], temp.dir);
    const workspace = join(temp.dir, 'gradient-descent');
    await writeFile(join(workspace, 'solution.py'), await sample('accepted/plain-loop.py'));
    const input = '{"x":[1,2],"y":[2,4],"learning_rate":0.1,"iterations":1}';
    const inline = await pixel(['test', '--input', input, '--json'], workspace);
    expect(inline.code, inline.stderr).toBe(0);
    // The part of `pixel test --json` read here.
    const result = JSON.parse(inline.stdout) as { cases: { values: { got: number }[] }[] };
    const [w, b] = result.cases[0]!.values.map((v) => v.got);
    expect(w).toBeCloseTo(1, 12);
    expect(b).toBeCloseTo(0.6, 12);
    await writeFile(join(workspace, 'case.json'), input);
    const fromFile = await pixel(['test', '--input', '@case.json'], workspace);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain('1/1 custom input passed');

    const broken = await pixel(['test', '--input', '{x:1}'], workspace);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^pixel: --input is not valid JSON/);
    const invalid = await pixel(['test', '--input', '{"x":[1],"y":[1,2]}'], workspace);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('"y" and "x" must have the same length');
    expect(invalid.stderr).toContain('missing "learningRate"');
  });

  it('shows what the solution printed, sanitised, and never judges it', async () => {
    await pixel(['solve', 'gradient-descent'], temp.dir);
    const workspace = join(temp.dir, 'gradient-descent');
    await writeFile(join(workspace, 'solution.py'), await sample('accepted/noisy-and-forging.py'));
    const run = await pixel(['test'], workspace);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('│ ACCEPTED w=1 b=1');
    expect(hasControlCharacters(run.stdout)).toBe(false);
  });
});

describe('determinism and hidden cases', () => {
  it(
    'gives identical JSON, apart from timings, on ten submissions',
    { timeout: 180_000 },
    async () => {
      for (const [file, verdict] of [
        ['accepted/plain-loop.js', 'accepted'],
        ['wrong_answer/ignores-single-point.py', 'wrong_answer'],
      ] as const) {
        const name = file.split('/')[1] as string;
        await writeFile(join(temp.dir, name), await sample(file));
        const reports: unknown[] = [];
        for (let round = 0; round < 10; round++) {
          const run = await pixel(
            ['submit', name, '--problem', 'gradient-descent', '--json'],
            temp.dir,
          );
          const report = JSON.parse(run.stdout) as SubmissionReport;
          expect(report.verdict).toBe(verdict);
          reports.push(withoutTimings(report));
        }
        for (const report of reports) expect(report).toEqual(reports[0]);
      }
    },
  );

  it('never prints the data of a failing hidden case, in text or JSON', async () => {
    await writeFile(
      join(temp.dir, 'solution.py'),
      await sample('wrong_answer/ignores-single-point.py'),
    );
    const args = ['submit', 'solution.py', '--problem', 'gradient-descent'];
    const json = await pixel([...args, '--json'], temp.dir);
    const report = JSON.parse(json.stdout) as SubmissionReport;
    expect(report).toMatchObject({ verdict: 'wrong_answer', passed: 6 });
    const deciding = report.tests.at(-1);
    expect(deciding).toMatchObject({ id: 'edge-single-point', hidden: true, group: 'edge cases' });
    expect(deciding?.message).toMatch(
      /^w is off by [0-9.e+-]+ \(relative [0-9.e+-]+\); b is off by/,
    );
    const text = await pixel(args, temp.dir, { COLUMNS: '200' });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('n = 1: a single data point');
    expect(text.stdout).toContain('a hidden case: its inputs and expected values are not shown');
    for (const output of [json.stdout, text.stdout]) {
      expect(output).not.toMatch(/expected [0-9]/);
      expect(output).not.toContain('[3]');
      expect(output).not.toContain('"input"');
      expect(output).not.toContain('2.0999');
    }
  });
});

describe('pixel hint', () => {
  it('climbs the ladder one rung at a time and remembers it', async () => {
    await pixel(['solve', 'gradient-descent'], temp.dir);
    const workspace = join(temp.dir, 'gradient-descent');
    const none = await pixel(['hint', '--all'], workspace);
    expect(none.stdout).toContain('No hints revealed yet');
    const first = await pixel(['hint'], workspace);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Hint 1 of 5 \(gradient-descent\)\n/);
    const second = await pixel(['hint', '--json'], workspace);
    expect(JSON.parse(second.stdout)).toMatchObject({
      revealed: 2,
      total: 5,
      hints: [{ number: 2 }],
    });
    const all = await pixel(['hint', '--all'], workspace);
    expect(all.stdout).toContain('Hint 1 of 5');
    expect(all.stdout).toContain('Hint 2 of 5');
    expect(all.stdout).not.toContain('Hint 3 of 5');
    for (let i = 0; i < 4; i++) await pixel(['hint'], workspace);
    const last = await pixel(['hint'], workspace);
    expect(last.stdout).toContain('Hint 5 of 5');
    expect(last.stdout).toContain('That was the last hint');
    const progress = ProgressSchema.parse(
      JSON.parse(await readFile(join(env.PIXEL_HOME as string, 'data', 'progress.json'), 'utf8')),
    );
    expect(progress.problems['gradient-descent']?.hintsRevealed).toBe(5);
    expect(existsSync(join(workspace, '.pixel', 'workspace.json'))).toBe(true);
  });
});
