import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, runPixel } from '../helpers/run-pixel.js';
import { waitForNoProcess } from './judge-helpers.js';

/**
 * Every sample under problems/<id>/submissions/<verdict>/ goes through the real bin/pixel.js and
 * must get exactly that verdict; a wrong answer named after a known mistake must be diagnosed as
 * that mistake; and nothing a sample starts may outlive its run.
 */
const PROBLEMS = join(REPO_ROOT, 'problems');
const problemIds = readdirSync(PROBLEMS).filter((id) =>
  existsSync(join(PROBLEMS, id, 'problem.json')),
);
const mistakeIds = new Map(
  problemIds.map((id) => [
    id,
    new Set(
      (
        JSON.parse(readFileSync(join(PROBLEMS, id, 'problem.json'), 'utf8')) as {
          mistakes: { id: string }[];
        }
      ).mistakes.map((m) => m.id),
    ),
  ]),
);
const isSource = (file: string) => /\.(py|js|mjs|ts)$/.test(file);
const samples = problemIds.flatMap((problem) => {
  const folder = join(PROBLEMS, problem, 'submissions');
  const submitted = existsSync(folder)
    ? readdirSync(folder)
        .sort()
        .flatMap((verdict) =>
          readdirSync(join(folder, verdict))
            .filter(isSource)
            .sort()
            .map((file) => ({
              problem,
              verdict,
              file,
              label: `${verdict}/${file}`,
              path: join(folder, verdict, file),
            })),
        )
    : [];
  // The reference solutions in solutions/ (what `pixel solution` shows) must be accepted too.
  const solutions = join(PROBLEMS, problem, 'solutions');
  const shown = existsSync(solutions)
    ? readdirSync(solutions)
        .filter(isSource)
        .sort()
        .map((file) => ({
          problem,
          verdict: 'accepted',
          file,
          label: `solutions/${file}`,
          path: join(solutions, file),
        }))
    : [];
  return [...submitted, ...shown];
});
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

// Two samples at a time: the machine has two cores and other suites run alongside.
let running = 0;
const waiting: Array<() => void> = [];
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-samples-');
});
afterAll(async () => {
  await temp.cleanup();
});

describe.concurrent('sample submissions get their verdicts through bin/pixel.js', () => {
  it('covers every verdict folder the issue asks for', () => {
    const verdicts = new Set(
      samples.filter((s) => s.problem === 'gradient-descent').map((s) => s.verdict),
    );
    for (const verdict of [
      'accepted',
      'wrong_answer',
      'time_limit_exceeded',
      'runtime_error',
      'compile_error',
      'memory_limit_exceeded',
    ]) {
      expect(verdicts).toContain(verdict);
    }
  });

  // The spawning samples run twice: in a PID namespace when the machine allows one, and with
  // the fallback sweep (subreaper + descendant tree + environment token) that many laptops get.
  const runs = samples.flatMap((sample) =>
    sample.file.startsWith('spawns-')
      ? [
          { ...sample, namespace: true },
          { ...sample, namespace: false },
        ]
      : [{ ...sample, namespace: true }],
  );
  for (const { problem, verdict, file, label, path, namespace } of runs) {
    const needsNumpy = readFileSync(path, 'utf8').includes('import numpy');
    const skip = needsNumpy && !hasNumpy;
    const title = `${problem}: ${label}${namespace ? '' : ' (no PID namespace)'}`;
    it.skipIf(skip)(title, { timeout: 240_000 }, async () => {
      await inSlot(async () => {
        // A unique marker per run, so leftovers are found even with other suites running.
        const marker = `pixel-sample-grandchild-${randomUUID()}`;
        const folder = join(temp.dir, randomUUID());
        await mkdir(folder);
        const source = readFileSync(path, 'utf8').replaceAll('pixel-sample-grandchild', marker);
        await writeFile(join(folder, file), source);
        const run = await runPixel(['submit', file, '--problem', problem, '--json'], {
          cwd: folder,
          env: {
            PIXEL_HOME: join(folder, 'home'),
            ...(namespace ? {} : { PIXEL_SANDBOX_NAMESPACE: '0' }),
          },
          timeoutMs: 200_000,
        });
        expect(run.stderr).toBe('');
        const report = JSON.parse(run.stdout) as {
          verdict: string;
          diagnosis?: { mistake: string };
          message?: string;
        };
        expect(report.verdict, report.message).toBe(verdict);
        expect(run.code).toBe(verdict === 'accepted' ? 0 : 1);
        const name = file.replace(/\.[a-z]+$/, '');
        if (verdict === 'wrong_answer') {
          expect(report.diagnosis?.mistake).toBe(
            mistakeIds.get(problem)?.has(name) ? name : undefined,
          );
        }
        expect(await waitForNoProcess(marker)).toEqual([]);
      });
    });
  }
});
