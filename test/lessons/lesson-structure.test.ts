import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownLanguages } from '../../scripts/lessons/highlight.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';
import { LESSON_IDS, LESSONS_DIR, fencedLines, readLesson, section } from './lesson-text.js';

// The shape every lesson promises (brief for issue 2) beyond what the build's own content check
// (test/learn/content.test.ts: schema, id = file name, unique ids and aliases, related lessons
// and problem folders exist) already enforces: sections only at ## and ###, a worked example, a
// display formula, a summary, a practice pointer, fenced code that names its language, tables
// whose rows all have as many cells as the header (marked pads or drops cells silently), and
// `pixel learn`/`pixel solve` commands in the text that point at real lessons and problems.

// The languages the build accepts, which the README documents for lesson authors.
const FENCE_LANGUAGES = new Set([...knownLanguages(), 'math']);
const lessons = LESSON_IDS.map((id) => ({ id, ...readLesson(id) }));

/** Lines outside fenced blocks: the Markdown prose, headings and tables. */
function proseLines(body: string): string[] {
  const lines = body.split('\n');
  const fenced = fencedLines(lines);
  return lines.filter((_, index) => !fenced[index]);
}

function tableCellCount(line: string): number {
  return line.replace(/\\\|/g, '').split('|').length - 2;
}

describe.each(lessons)('lesson $id', ({ id, body }) => {
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

  it('answers no self-check in its text: answers live in the quiz, on lines of their own', () => {
    for (const line of proseLines(body)) expect(line).not.toMatch(/\banswers?:/i);
  });

  it('estimates its reading time from its length (about 150 words a minute)', () => {
    const { meta } = readLesson(id);
    const words = body.split(/\s+/).filter(Boolean).length;
    expect(meta.minutes).toBeGreaterThanOrEqual(Math.floor(words / 200));
    expect(meta.minutes).toBeLessThanOrEqual(Math.ceil(words / 110));
  });

  it('ends with a quick check of 3 to 5 questions, each explained', () => {
    const { quiz } = readLesson(id);
    expect(quiz.length).toBeGreaterThanOrEqual(3);
    expect(quiz.length).toBeLessThanOrEqual(5);
    for (const question of quiz) expect(question.explanation.length).toBeGreaterThan(20);
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

  it('have distinct orders', () => {
    const orders = lessons.map((lesson) => lesson.meta.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it("follow the chapter's advice: linear regression, MSE and gradient descent first", () => {
    expect(LESSON_IDS.slice(0, 3)).toEqual(['linear-regression', 'mse', 'gradient-descent']);
    expect(LESSON_IDS.at(-1)).toBe('production-ml');
  });

  it('are the fourteen lessons of the chapter', () => {
    expect([...LESSON_IDS].sort()).toEqual(
      [
        'linear-regression',
        'mse',
        'gradient-descent',
        'training-at-scale',
        'mlops',
        'classifier-evaluation',
        'distribution-shift',
        'data-and-experiments',
        'model-serving',
        'generative-models',
        'transfer-learning',
        'reinforcement-learning',
        'serving-llms',
        'production-ml',
      ].sort(),
    );
  });

  it('and their problems point at each other: a lesson lists a problem exactly when it names the lesson', () => {
    const problemsDir = join(REPO_ROOT, 'problems');
    const problemLesson = new Map(
      readdirSync(problemsDir)
        .filter((id) => existsSync(join(problemsDir, id, 'problem.json')))
        .map((id) => {
          const { lesson } = JSON.parse(
            readFileSync(join(problemsDir, id, 'problem.json'), 'utf8'),
          ) as { lesson: string };
          return [id, lesson] as const;
        }),
    );
    for (const lesson of lessons) {
      for (const problem of lesson.meta.problems) {
        expect(problemLesson.get(problem), `${lesson.id} lists ${problem}`).toBe(lesson.id);
      }
    }
    for (const [problem, lessonId] of problemLesson) {
      const lesson = lessons.find((l) => l.id === lessonId);
      expect(lesson?.meta.problems, `${problem} names ${lessonId}`).toContain(problem);
    }
  });

  it('name each of their problems in the practice pointer, as `pixel solve <id>`', () => {
    for (const lesson of lessons) {
      const practice = lesson.body.split('\n').find((line) => line.startsWith('> **Practice:**'));
      for (const problem of lesson.meta.problems) {
        expect(practice, lesson.id).toContain(`\`pixel solve ${problem}\``);
      }
    }
  });

  it('document in the README exactly the fence languages the build accepts', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const documented = /fenced code \(([^)]*)\)/.exec(readme)?.[1] ?? '';
    // "python, javascript, ...; unhighlighted: text, ...": the last word of each item.
    const names = documented.split(/[,;]/).map((item) => item.trim().split(/\s+/).at(-1));
    expect(new Set(names)).toEqual(new Set(knownLanguages()));
  });

  it('can be cut into sections for the number tests (a section stops at its next sibling)', () => {
    const body = ['## A', 'a', '### A.1', '```text', '## not a heading', '```', 'b', '## B', 'c'];
    expect(section(body.join('\n'), 'A.1')).toBe(body.slice(2, 7).join('\n'));
    expect(section(body.join('\n'), 'A')).toBe(body.slice(0, 7).join('\n'));
    expect(section(body.join('\n'), 'B')).toBe(body.slice(7).join('\n'));
  });
});
