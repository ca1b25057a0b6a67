import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasControlCharacters, makeTempDir, runPixel } from '../helpers/run-pixel.js';
import { LESSON_IDS, fencedLines, readLesson } from './lesson-text.js';

// The number tests read the Markdown; this checks that the numbers also reach the learner:
// every display formula (each worked example's arithmetic lives in one) comes out of the real
// `pixel learn <id>` verbatim, with no escape codes, through the build and the renderer.

let home: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  home = await makeTempDir('pixel-lessons-');
});
afterAll(async () => {
  await home.cleanup();
});

/** The lines of every ```math block in a lesson, trimmed of the fences. */
function mathLines(body: string): string[] {
  const lines = body.split('\n');
  const fenced = fencedLines(lines);
  const result: string[] = [];
  let inMath = false;
  lines.forEach((line, index) => {
    if (line.startsWith('```')) inMath = line === '```math';
    else if (inMath && fenced[index]) result.push(line);
  });
  return result;
}

describe.each(LESSON_IDS.map((id) => ({ id })))('pixel learn $id, piped', ({ id }) => {
  it('prints every formula of the lesson verbatim, as plain text', async () => {
    const run = await runPixel(['learn', id, '--no-pager'], { env: { PIXEL_HOME: home.dir } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(hasControlCharacters(run.stdout)).toBe(false);
    const { meta, body } = readLesson(id);
    expect(run.stdout).toContain(meta.title);
    const formulas = mathLines(body);
    expect(formulas.length).toBeGreaterThan(0);
    for (const formula of formulas) expect(run.stdout).toContain(formula.trim());
  });
});
