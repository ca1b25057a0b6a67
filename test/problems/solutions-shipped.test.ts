import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-pixel.js';

/**
 * Every problem ships the reference solutions `pixel solution` shows after Accepted: a plain
 * one in each language and the notes that compare them. (test/judge/samples.e2e.test.ts
 * submits each of them through bin/pixel.js and expects Accepted.)
 */
const PROBLEMS = join(REPO_ROOT, 'problems');
const problemIds = readdirSync(PROBLEMS).filter((id) =>
  existsSync(join(PROBLEMS, id, 'problem.json')),
);

describe('shipped reference solutions', () => {
  it.each(problemIds)('%s has plain.py, plain.js, plain.ts and notes.md', (problem) => {
    const folder = join(PROBLEMS, problem, 'solutions');
    expect(existsSync(folder), problem).toBe(true);
    expect(readdirSync(folder)).toEqual(
      expect.arrayContaining(['plain.py', 'plain.js', 'plain.ts', 'notes.md']),
    );
  });
});
