import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProblemIds, loadProblem } from '../../src/judge/io/problem-store.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';

/** The README's track table is what a reader sees before installing: it must match the data. */
describe("the README's exercise table", () => {
  it('lists every problem in track order, with its level and lesson', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('| #   | exercise');
    expect(start).toBeGreaterThan(-1);
    const rows = readme
      .slice(start)
      .split('\n\n')[0]!
      .split('\n')
      .slice(2)
      .map((line) => line.split('|').map((cell) => cell.trim().replace(/`/g, '')));
    const listed = rows.map(([, order, id, level, lesson]) => ({ order, id, level, lesson }));
    const problems = listProblemIds()
      .map((id) => loadProblem(id).problem)
      .sort((a, b) => a.order - b.order)
      .map((p) => ({ order: String(p.order), id: p.id, level: p.difficulty, lesson: p.lesson }));
    expect(listed).toEqual(problems);
  });
});
