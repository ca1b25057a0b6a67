import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_IDS, LESSONS_DIR, readLesson } from './lesson-text.js';

// The shape every lesson promises (brief for issue 2): valid front matter, no `#` title, a
// worked example, at least one display formula, a summary, fenced code that names its language,
// tables whose rows all have the same number of cells, and links that point at real lessons.

const FENCE_LANGUAGES = new Set(['math', 'python', 'javascript', 'text']);
const lessons = LESSON_IDS.map((id) => ({ id, ...readLesson(id) }));

/** Lines outside fenced blocks, so `#` in code is not a heading and `|` in code not a table. */
function proseLines(body: string): string[] {
  let inFence = false;
  return body.split('\n').filter((line) => {
    if (line.startsWith('```')) {
      inFence = !inFence;
      return false;
    }
    return !inFence;
  });
}

function tableCellCount(line: string): number {
  return line.replace(/\\\|/g, '').split('|').length - 2;
}

describe.each(lessons)('lesson $id', ({ id, meta, body }) => {
  it('has front matter whose id is its file name', () => {
    expect(meta.id).toBe(id);
  });

  it('has no # title (the title comes from front matter) and uses ## and ### only', () => {
    const headings = proseLines(body).filter((line) => /^#+ /.test(line));
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading).toMatch(/^#{2,3} \S/);
  });

  it('has a worked example, a math block and an "In one minute" summary', () => {
    expect(body).toMatch(/^#{2,3} Worked example/m);
    expect(body).toMatch(/^```math\n[^\n`]+/m);
    expect(body).toMatch(/^## In one minute$/m);
  });

  it('ends with a practice pointer', () => {
    expect(body).toMatch(/^> \*\*Practice:\*\* /m);
  });

  it('names the language of every fenced block, and writes one formula per math line', () => {
    const lines = body.split('\n');
    let open: string | undefined;
    for (const line of lines) {
      if (!line.startsWith('```')) {
        if (open === 'math') expect(line.trim()).not.toBe('');
        continue;
      }
      if (open === undefined) {
        open = line.slice(3);
        expect(FENCE_LANGUAGES).toContain(open);
      } else {
        expect(line).toBe('```');
        open = undefined;
      }
    }
    expect(open).toBeUndefined();
  });

  it('writes tables whose rows all have as many cells as the header', () => {
    let expected: number | undefined;
    for (const line of proseLines(body)) {
      if (!line.startsWith('|')) {
        expected = undefined;
        continue;
      }
      const cells = tableCellCount(line);
      expected ??= cells;
      expect(cells, line).toBe(expected);
    }
  });

  it('points only at lessons and problems that the lessons declare', () => {
    const lessonIds = new Set(lessons.map((lesson) => lesson.id));
    const problemIds = new Set(lessons.flatMap((lesson) => lesson.meta.problems));
    for (const related of meta.related) expect(lessonIds).toContain(related);
    for (const [, target] of body.matchAll(/pixel learn ([a-z0-9-]+)/g)) {
      expect(lessonIds).toContain(target);
    }
    for (const [, target] of body.matchAll(/pixel solve ([a-z0-9-]+)/g)) {
      expect(problemIds).toContain(target);
    }
  });
});

describe('the lessons together', () => {
  it('exist as Markdown files in lessons/', () => {
    const files = readdirSync(LESSONS_DIR).filter((name) => name.endsWith('.md'));
    for (const id of LESSON_IDS) expect(files).toContain(`${id}.md`);
  });

  it('have distinct orders, in the curriculum order of the issue', () => {
    const orders = lessons.map((lesson) => lesson.meta.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('have aliases that are unique and never another lesson’s id', () => {
    const ids = lessons.map((lesson) => lesson.id);
    const aliases = lessons.flatMap((lesson) => lesson.meta.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const alias of aliases) expect(ids).not.toContain(alias);
    expect(lessons.find((lesson) => lesson.id === 'gradient-descent')?.meta.aliases).toContain(
      'gd',
    );
  });

  it('give the gradient-descent problem to the gradient-descent lesson only', () => {
    for (const lesson of lessons) {
      expect(lesson.meta.problems).toEqual(
        lesson.id === 'gradient-descent' ? ['gradient-descent'] : [],
      );
    }
  });
});
