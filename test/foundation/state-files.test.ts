import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { readJsonFile, writeJsonFile } from '../../src/shared/io/json-store.js';
import { updateProgress, loadProgress, progressFile } from '../../src/shared/io/progress-store.js';
import { resolvePaths } from '../../src/shared/io/paths.js';
import {
  emptyProgress,
  recordHintsRevealed,
  recordLessonRead,
  recordSubmission,
} from '../../src/shared/core/progress.js';
import { makeTempDir } from '../helpers/run-pixel.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const Schema = z.object({ count: z.number() });
const now = new Date('2026-11-27T10:00:00.000Z');

describe('readJsonFile', () => {
  it('gives undefined for a missing file, without warning', async () => {
    const warnings: string[] = [];
    expect(
      await readJsonFile(join(dir, 'none.json'), Schema, (w) => warnings.push(w)),
    ).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it.each([
    ['not JSON', '{"count": 1', 'is not valid JSON'],
    ['the wrong shape', '{"count": "one"}', 'does not match the expected shape'],
  ])('moves a file that is %s aside and warns', async (_name, content, message) => {
    const file = join(dir, 'state.json');
    await writeFile(file, content);
    const warnings: string[] = [];
    expect(await readJsonFile(file, Schema, (w) => warnings.push(w), now)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(message);
    const aside = join(dir, 'state.json.corrupt-2026-11-27T10-00-00-000Z');
    expect(await readFile(aside, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['state.json.corrupt-2026-11-27T10-00-00-000Z']);
  });
});

describe('writeJsonFile', () => {
  it('creates folders, writes the value and leaves no temporary file behind', async () => {
    const file = join(dir, 'a', 'b', 'state.json');
    await writeJsonFile(file, { count: 2 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 2 });
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['state.json']);
  });

  it('keeps the old content when the write fails', async () => {
    const file = join(dir, 'state.json');
    await writeJsonFile(file, { count: 1 });
    await expect(writeJsonFile(file, { count: 1n })).rejects.toThrow();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 1 });
  });
});

describe('progress', () => {
  it('records lessons, submissions and hints as pure updates', () => {
    let progress = recordLessonRead(emptyProgress(), 'mlops', now);
    progress = recordLessonRead(progress, 'mlops', new Date('2026-11-28T00:00:00Z'));
    expect(progress.lessons.mlops).toEqual({
      firstReadAt: '2026-11-27T10:00:00.000Z',
      lastReadAt: '2026-11-28T00:00:00.000Z',
      timesRead: 2,
    });
    const wrong = { at: 't1', language: 'python', verdict: 'wrong_answer', passed: 3, total: 9 };
    const right = { ...wrong, at: 't2', verdict: 'accepted', passed: 9 };
    progress = recordSubmission(recordSubmission(progress, 'gd', wrong), 'gd', right);
    progress = recordSubmission(progress, 'gd', { ...wrong, at: 't3' });
    expect(progress.problems.gd).toMatchObject({ attempts: 3, solvedAt: 't2', hintsRevealed: 0 });
    expect(
      recordHintsRevealed(recordHintsRevealed(progress, 'gd', 2), 'gd', 1).problems.gd
        ?.hintsRevealed,
    ).toBe(2);
  });

  it('does not lose updates made concurrently', async () => {
    const paths = resolvePaths({ PIXEL_HOME: dir });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateProgress(
          paths,
          () => undefined,
          (p) => recordLessonRead(p, `l${i}`, now),
        ),
      ),
    );
    expect(Object.keys((await loadProgress(paths, () => undefined)).lessons)).toHaveLength(20);
  });

  it('starts afresh from a corrupted progress file and keeps the old one aside', async () => {
    const paths = resolvePaths({ PIXEL_HOME: dir });
    await mkdir(paths.data, { recursive: true });
    await writeFile(progressFile(paths), '\u0000garbage');
    const warnings: string[] = [];
    const progress = await updateProgress(
      paths,
      (w) => warnings.push(w),
      (p) => recordLessonRead(p, 'mse', now),
    );
    expect(Object.keys(progress.lessons)).toEqual(['mse']);
    expect(warnings[0]).toMatch(/moved it to .*progress\.json\.corrupt-/);
    expect((await readdir(paths.data)).sort()).toEqual(
      expect.arrayContaining(['progress.json', expect.stringMatching(/^progress\.json\.corrupt-/)]),
    );
  });
});
