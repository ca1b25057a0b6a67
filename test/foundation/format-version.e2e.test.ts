/**
 * Files written for a newer pixel: the learner is told to update pixel, the command stops with
 * exit 3, and the file is left exactly as it was (never moved aside as corrupt).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBLEM_FORMAT_VERSION } from '../../src/judge/core/problem-schema.js';
import { EnvironmentError } from '../../src/errors.js';
import { loadProblem } from '../../src/judge/io/problem-store.js';
import { makeTempDir, runPixel } from '../helpers/run-pixel.js';

let temp: { dir: string; cleanup: () => Promise<void> };

beforeEach(async () => {
  temp = await makeTempDir('pixel-format-');
});
afterEach(async () => {
  await temp.cleanup();
});

describe('a newer format version', () => {
  it('in progress.json: pixel progress asks for an update and leaves the file alone', async () => {
    const data = join(temp.dir, 'home', 'data');
    await mkdir(data, { recursive: true });
    const file = join(data, 'progress.json');
    const content = `${JSON.stringify({ version: 2, lessons: {}, problems: {}, streaks: [] })}\n`;
    await writeFile(file, content);

    const run = await runPixel(['progress'], { env: { PIXEL_HOME: join(temp.dir, 'home') } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `pixel: ${file} is format version 2, newer than this pixel reads (1): update pixel`,
    );
    expect(run.stderr).toContain('hint: update pixel: npm install --global pixel-ml@latest');
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(await readdir(data)).toEqual(['progress.json']);
  });

  it('in a problem.json: loading the problem says update pixel, not a schema error', async () => {
    const dir = join(temp.dir, 'problems', 'tiny');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'problem.json'),
      JSON.stringify({ formatVersion: PROBLEM_FORMAT_VERSION + 1, id: 'tiny', shape: 'new' }),
    );
    let thrown: unknown;
    try {
      loadProblem('tiny', temp.dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvironmentError);
    expect((thrown as EnvironmentError).message).toMatch(
      new RegExp(
        `problem\\.json is format version ${PROBLEM_FORMAT_VERSION + 1}, newer than this pixel reads \\(${PROBLEM_FORMAT_VERSION}\\): update pixel$`,
      ),
    );
    expect((thrown as EnvironmentError).exitCode).toBe(3);
  });

  it('in an older-shaped problem.json: every issue is named, none is "Invalid input"', async () => {
    const dir = join(temp.dir, 'problems', 'tiny');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'problem.json'),
      JSON.stringify({ formatVersion: 1, id: 'Tiny', extra: true }),
    );
    let thrown: unknown;
    try {
      loadProblem('tiny', temp.dir);
    } catch (error) {
      thrown = error;
    }
    const message = (thrown as Error).message;
    expect(message).toContain('(root): unknown key "extra"');
    expect(message).toContain('title: is required (string)');
    expect(message).not.toContain('Invalid input');
  });
});
