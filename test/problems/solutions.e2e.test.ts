import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, runPixel } from '../helpers/run-pixel.js';

/**
 * The reference solutions a learner is shown (problems/<id>/solutions/, read by `pixel
 * solution`) must themselves be accepted: each goes through the real bin/pixel.js like a
 * learner's file would.
 */
const PROBLEMS = join(REPO_ROOT, 'problems');
const solutions = readdirSync(PROBLEMS)
  .filter((id) => existsSync(join(PROBLEMS, id, 'solutions')))
  .flatMap((problem) =>
    readdirSync(join(PROBLEMS, problem, 'solutions'))
      .filter((file) => /\.(py|js|ts)$/.test(file))
      .sort()
      .map((file) => ({ problem, file, path: join(PROBLEMS, problem, 'solutions', file) })),
  );
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-solutions-');
});
afterAll(async () => {
  await temp.cleanup();
});

describe('reference solutions are accepted through bin/pixel.js', () => {
  it('exist in all three languages wherever a problem has them', () => {
    for (const problem of new Set(solutions.map((s) => s.problem))) {
      const files = solutions.filter((s) => s.problem === problem).map((s) => s.file);
      expect(files, problem).toEqual(expect.arrayContaining(['plain.py', 'plain.js', 'plain.ts']));
      expect(existsSync(join(PROBLEMS, problem, 'solutions', 'notes.md')), problem).toBe(true);
    }
  });

  for (const { problem, file, path } of solutions) {
    const skip = readFileSync(path, 'utf8').includes('import numpy') && !hasNumpy;
    it.skipIf(skip)(`${problem}: solutions/${file}`, { timeout: 240_000 }, async () => {
      const folder = join(temp.dir, randomUUID());
      await mkdir(folder);
      await copyFile(path, join(folder, file));
      const run = await runPixel(['submit', file, '--problem', problem, '--json'], {
        cwd: folder,
        env: { PIXEL_HOME: join(folder, 'home') },
        timeoutMs: 200_000,
      });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as { verdict: string; message?: string };
      expect(report.verdict, report.message).toBe('accepted');
      expect(run.code).toBe(0);
    });
  }
});
