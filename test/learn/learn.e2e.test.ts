import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Block, Lesson } from '../../src/learn/core/lesson-model.js';
import { builtLessons } from '../../src/learn/io/lessons.js';
import { hasControlCharacters, makeTempDir, runPixel } from '../helpers/run-pixel.js';

/** A lesson's title as built, so the tests follow the lesson texts when they are edited. */
async function titleOf(id: string): Promise<string> {
  const { lessons } = await builtLessons().index();
  const meta = lessons.find((lesson) => lesson.id === id);
  if (!meta) throw new Error(`lesson ${id} is not built`);
  return meta.title;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every display formula line of a lesson, however deeply nested. */
function formulaLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'math') return block.lines.filter((line) => line.trim() !== '');
    if (block.type === 'quote') return formulaLines(block.blocks);
    if (block.type === 'list') return block.items.flatMap((item) => formulaLines(item.blocks));
    return [];
  });
}

/**
 * The real bin/pixel.js (built by `npm test` before vitest runs) on the real lessons, in a
 * child process with a temporary PIXEL_HOME: what a learner sees, byte for byte.
 */
let home: { dir: string; cleanup: () => Promise<void> };
const env = () => ({ PIXEL_HOME: home.dir });

beforeEach(async () => {
  home = await makeTempDir('pixel-e2e-learn-');
});
afterEach(() => home.cleanup());

describe('pixel learn', () => {
  it('lists the lessons in curriculum order, as text', async () => {
    const run = await runPixel(['learn'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Lessons \(0 of \d+ read\)$/);
    const ids = lines
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    // The chapter's advice: the learning loop first.
    expect(ids.slice(0, 3)).toEqual(['linear-regression', 'mse', 'gradient-descent']);
    expect(ids).toContain('mlops');
    expect(run.stdout).toMatch(/\d+ min\n/);
    expect(run.stdout).toContain('next: pixel learn linear-regression');
    expect(hasControlCharacters(run.stdout)).toBe(false);
  });

  it('lists the lessons as JSON with --json', async () => {
    const run = await runPixel(['learn', '--json'], { env: env() });
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as {
      lessons: Array<{ id: string; title: string; minutes: number; read: boolean }>;
      next: { command: string };
    };
    expect(data.lessons[0]).toMatchObject({ id: 'linear-regression', read: false });
    for (const lesson of data.lessons) {
      expect(lesson.title.length).toBeGreaterThan(0);
      expect(lesson.minutes).toBeGreaterThan(0);
    }
    expect(data.next.command).toBe('pixel learn linear-regression');
  });

  it('renders mlops piped: formulas and tables present, no escape codes, recorded as read', async () => {
    const run = await runPixel(['learn', 'mlops'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(hasControlCharacters(run.stdout)).toBe(false);
    expect(run.stdout).toMatch(new RegExp(`^${escapeRegExp(await titleOf('mlops'))}\n═+\n`));
    // Display formulas (Little's law, precision, ...): every one verbatim and indented.
    const lesson: Lesson = await builtLessons().lesson('mlops');
    const formulas = formulaLines(lesson.blocks);
    expect(formulas.length).toBeGreaterThan(3);
    for (const formula of formulas) expect(run.stdout).toContain(`    ${formula}\n`);
    expect(run.stdout).toMatch(/[ŷΣ∂²λ]/);
    // Piped output wraps to 80 columns when COLUMNS is unset (code and formulas excepted).
    for (const line of run.stdout.split('\n')) {
      if (!/^ {4}/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
    expect(run.stdout).toMatch(/^┌─+┬/m);
    expect(run.stdout).toMatch(/Related: +pixel learn classifier-evaluation/);
    expect(run.stdout).toMatch(/^ +pixel learn production-ml/m);

    const list = await runPixel(['learn', '--json'], { env: env() });
    const data = JSON.parse(list.stdout) as { lessons: Array<{ id: string; read: boolean }> };
    expect(data.lessons.find((lesson) => lesson.id === 'mlops')?.read).toBe(true);
  });

  it('wraps to COLUMNS when piped', async () => {
    const run = await runPixel(['learn', 'gd'], { env: { ...env(), COLUMNS: '40' } });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${await titleOf('gradient-descent')}\n`)).toBe(true);
    const prose = run.stdout.split('\n').filter((line) => !/^ {4}/.test(line));
    expect(Math.max(...prose.map((line) => [...line].length))).toBeLessThanOrEqual(40);
  });

  it('keeps prose to a reading width of 100 columns on a wide terminal', async () => {
    const run = await runPixel(['learn', 'mlops'], { env: { ...env(), COLUMNS: '160' } });
    expect(run.code).toBe(0);
    const prose = run.stdout.split('\n').filter((line) => !/^ {4}/.test(line));
    const widest = Math.max(...prose.map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
    expect(widest).toBeGreaterThan(90);
  });

  it('ends a lesson with its quick check and how to take it', async () => {
    const run = await runPixel(['learn', 'mse'], { env: env() });
    expect(run.stdout).toContain('\nQuick check\n───────────\n1. ');
    expect(run.stdout).toContain('pixel learn mse --quiz');
    expect(run.stdout).not.toContain('Answer:');
  });

  it('matches topics case-insensitively and by alias', async () => {
    const run = await runPixel(['learn', 'GD', '--no-pager'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${await titleOf('gradient-descent')}\n`)).toBe(true);
    expect(run.stdout).toContain('Practice: pixel solve gradient-descent');
  });

  it('reads a topic given in several words', async () => {
    const run = await runPixel(['learn', 'Linear', 'regression'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${await titleOf('linear-regression')}\n`)).toBe(true);
  });

  it('exits 2 on an unknown topic and names the closest lessons', async () => {
    const run = await runPixel(['learn', 'gradient-decent'], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "pixel: no lesson called 'gradient-decent'\n" +
        'hint: did you mean gradient-descent? Try: pixel learn gradient-descent\n',
    );
  });

  it('has no colour with NO_COLOR=1 even when FORCE_COLOR is set, and colour with FORCE_COLOR=1', async () => {
    const plain = await runPixel(['learn', 'mse'], {
      env: { ...env(), NO_COLOR: '1', FORCE_COLOR: '1' },
    });
    expect(plain.code).toBe(0);
    expect(hasControlCharacters(plain.stdout)).toBe(false);

    const coloured = await runPixel(['learn', 'mse'], { env: { ...env(), FORCE_COLOR: '1' } });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain('\u001b[1m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);

    const flag = await runPixel(['learn', 'mse', '--no-color'], {
      env: { ...env(), FORCE_COLOR: '1' },
    });
    expect(hasControlCharacters(flag.stdout)).toBe(false);
  });

  it('moves a corrupted progress file aside, warns, and carries on', async () => {
    const data = join(home.dir, 'data');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'progress.json'), '{"version": 1, "lessons": tru');
    const run = await runPixel(['learn', 'mse'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${await titleOf('mse')}\n`)).toBe(true);
    expect(run.stderr).toMatch(
      /^pixel: warning: .*progress\.json is not valid JSON; moved it to .*progress\.json\.corrupt-\S+ and started afresh\n$/,
    );
    const files = await readdir(data);
    expect(files.filter((name) => name.startsWith('progress.json.corrupt-'))).toHaveLength(1);
    const fresh = JSON.parse(await readFile(join(data, 'progress.json'), 'utf8')) as {
      lessons: Record<string, unknown>;
    };
    expect(Object.keys(fresh.lessons)).toEqual(['mse']);
  });
});

describe('pixel progress', () => {
  it('shows what has been read, as text and JSON', async () => {
    await runPixel(['learn', 'mlops'], { env: env() });
    await runPixel(['learn', 'mlops'], { env: env() });
    const run = await runPixel(['progress'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Lessons read: 1 of \d+\n/);
    expect(run.stdout).toMatch(
      new RegExp(`✓ mlops +${escapeRegExp(await titleOf('mlops'))} +read 2 times\n`),
    );
    expect(run.stdout).toContain('Problems solved: 0 of 0 attempted');
    expect(run.stdout).toMatch(/next: pixel learn \S+/);

    const json = await runPixel(['progress', '--json'], { env: env() });
    const report = JSON.parse(json.stdout) as {
      lessons: { read: number; items: Array<{ id: string; timesRead: number }> };
      problems: { solved: number; attempted: number };
    };
    expect(report.lessons.read).toBe(1);
    expect(report.lessons.items.find((item) => item.id === 'mlops')?.timesRead).toBe(2);
    expect(report.problems).toMatchObject({ solved: 0, attempted: 0 });
  });
});
