import { describe, expect, it } from 'vitest';
import type { LessonMeta } from '../../src/learn/core/lesson-meta.js';
import { textWidth } from '../../src/shared/core/text-width.js';
import { formatLessonList, formatProgress } from '../../src/learn/ui/learn-format.js';
import { plainChalk } from '../../src/shared/ui/plain-chalk.js';

function meta(id: string, title: string, minutes: number): LessonMeta {
  return {
    id,
    title,
    summary: 'a lesson',
    aliases: [],
    minutes,
    order: 1,
    problems: [],
    related: [],
  };
}

const ENTRIES = [
  { meta: meta('mlops', 'MLOps, running models in production', 14), read: true },
  { meta: meta('linear-regression', 'Linear regression', 9), read: false },
];
const NEXT = { command: 'pixel learn linear-regression', reason: 'read "Linear regression"' };
const chalk = plainChalk();

describe('formatLessonList', () => {
  it('cuts long titles to fit and keeps minutes aligned', () => {
    expect(formatLessonList(ENTRIES, NEXT, { width: 50, chalk })).toMatchInlineSnapshot(`
      "Lessons (1 of 2 read)

      ✓ mlops              MLOps, running model…  14 min
        linear-regression  Linear regression       9 min

      next: pixel learn linear-regression (read "Linear
      regression")
      "
    `);
  });

  it('drops the title column on a very narrow screen and never splits the command', () => {
    const text = formatLessonList(ENTRIES, NEXT, { width: 30, chalk });
    expect(text).toMatchInlineSnapshot(`
      "Lessons (1 of 2 read)

      ✓ mlops              14 min
        linear-regression   9 min

      next:
      pixel learn linear-regression
      (read "Linear regression")
      "
    `);
    for (const line of text.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(30);
  });

  it('says so when every lesson is done, and when none is installed', () => {
    expect(formatLessonList(ENTRIES, undefined, { width: 80, chalk })).toContain(
      'All lessons read and practised.',
    );
    expect(formatLessonList([], undefined, { width: 80, chalk })).toBe(
      'No lessons are installed.\n',
    );
  });
});

describe('formatProgress', () => {
  it('wraps problem facts that do not fit', () => {
    const text = formatProgress(
      {
        lessons: { read: 0, total: 0, items: [] },
        problems: {
          solved: 0,
          attempted: 1,
          items: [
            {
              id: 'gradient-descent',
              attempts: 3,
              solved: false,
              hintsRevealed: 2,
              lastVerdict: 'wrong_answer',
            },
          ],
        },
        next: null,
      },
      { width: 40, chalk },
    );
    expect(text).toMatchInlineSnapshot(`
      "Lessons read: 0 of 0

      Problems solved: 0 of 1 attempted
        ✗ gradient-descent
            not solved yet, 3 attempts, 2
            hints seen, last: wrong_answer

      Everything read and solved: well done.
      "
    `);
  });
});
