import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hint } from '../../src/judge/commands/hint.js';
import { problems } from '../../src/judge/commands/problems.js';
import { solve } from '../../src/judge/commands/solve.js';
import { UsageError } from '../../src/errors.js';
import { listProblems } from '../../src/judge/io/problem-store.js';
import { fakeContext } from '../helpers/fake-context.js';
import { makeTempDir } from '../helpers/run-pixel.js';

/** The judge commands called directly, asserting on the data they return (no processes). */
let temp: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  temp = await makeTempDir('pixel-judge-cmd-');
});
afterEach(async () => {
  await temp.cleanup();
});

describe('solve', () => {
  it('returns what it wrote, and backs up only files that would change', async () => {
    const context = fakeContext(temp.dir);
    const first = await solve({ problem: 'gradient-descent', lang: 'typescript' }, context);
    expect(first).toEqual({
      problem: 'gradient-descent',
      language: 'typescript',
      dir: join(temp.dir, 'gradient-descent'),
      files: ['README.md', 'package.json', 'solution.ts', 'tsconfig.json', '.pixel/workspace.json'],
      backedUp: [],
    });
    const marker: unknown = JSON.parse(
      await readFile(join(temp.dir, 'gradient-descent', '.pixel', 'workspace.json'), 'utf8'),
    );
    expect(marker).toEqual({
      problem: 'gradient-descent',
      language: 'typescript',
      solution: 'solution.ts',
      version: '0.0.0-test',
    });

    await writeFile(join(temp.dir, 'gradient-descent', 'solution.ts'), 'export const mine = 1;\n');
    const again = await solve(
      { problem: 'gradient-descent', lang: 'typescript', force: true },
      context,
    );
    expect(again.backedUp).toEqual(['solution.ts']);
    expect(again.backupDir).toBe(
      join(temp.dir, 'gradient-descent', '.pixel', 'backup-2026-11-27T12-00-00-000Z'),
    );
    expect(await readFile(join(again.backupDir as string, 'solution.ts'), 'utf8')).toBe(
      'export const mine = 1;\n',
    );
  });

  it('refuses a non-empty folder without --force', async () => {
    const context = fakeContext(temp.dir);
    await solve({ problem: 'gradient-descent', lang: 'python' }, context);
    await expect(solve({ problem: 'gradient-descent', lang: 'python' }, context)).rejects.toThrow(
      UsageError,
    );
  });

  it('takes the next unsolved problem on the track when none is named', async () => {
    const context = fakeContext(temp.dir);
    const first = listProblems()[0];
    const made = await solve({ lang: 'python' }, context);
    expect(made.problem).toBe(first?.id);
    expect(context.stderr.text).toContain(`the next on the track is ${first?.id}`);
  });

  it('finds a problem by alias and suggests the closest for a typo', async () => {
    const context = fakeContext(temp.dir);
    expect((await solve({ problem: 'GD', lang: 'python' }, context)).problem).toBe(
      'gradient-descent',
    );
    await expect(solve({ problem: 'gradient-decent', lang: 'python' }, context)).rejects.toThrow(
      'unknown problem "gradient-decent"',
    );
    await solve({ problem: 'gradient-decent', lang: 'python' }, context).catch(
      (error: UsageError) => expect(error.hint).toMatch(/^did you mean gradient-descent\?/),
    );
  });
});

describe('hint and problems', () => {
  it('reveals one rung at a time and reports the count', async () => {
    const context = fakeContext(temp.dir);
    const first = await hint({ problem: 'gradient-descent' }, context);
    expect(first).toMatchObject({ problem: 'gradient-descent', revealed: 1, total: 5 });
    expect(first.hints).toHaveLength(1);
    await hint({ problem: 'gradient-descent' }, context);
    const all = await hint({ problem: 'gradient-descent', all: true }, context);
    expect(all.hints.map((h) => h.number)).toEqual([1, 2]);
    const list = await problems({ json: true }, context);
    expect(list.problems.find((entry) => entry.id === 'gradient-descent')).toEqual({
      id: 'gradient-descent',
      title: 'Gradient Descent for Linear Regression',
      difficulty: 'Medium',
      order: 1,
      lesson: 'gradient-descent',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      summary: expect.any(String),
      attempts: 0,
      solved: false,
    });
    expect(list.problems.map((entry) => entry.order)).toEqual(
      [...list.problems.map((entry) => entry.order)].sort((a, b) => a - b),
    );
    expect(list.next).toEqual({
      command: `pixel solve ${list.problems[0]?.id}`,
      reason: 'the next one on the track',
    });
  });
});
