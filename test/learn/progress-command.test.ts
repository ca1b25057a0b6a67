import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progress } from '../../src/learn/commands/progress.js';
import { progressReport } from '../../src/learn/core/progress-report.js';
import type { LessonMeta } from '../../src/learn/core/lesson-meta.js';
import { nextStep } from '../../src/shared/core/next-step.js';
import {
  emptyProgress,
  recordHintsRevealed,
  recordLessonRead,
  recordSubmission,
  type Progress,
} from '../../src/shared/core/progress.js';
import { lessonsInMemory } from '../../src/learn/io/lessons.js';
import { updateProgress } from '../../src/shared/io/progress-store.js';
import { fakeContext } from '../helpers/fake-context.js';
import { makeTempDir } from '../helpers/run-pixel.js';
import { fixtureLessons } from './fixture-lessons.js';

function meta(id: string, problems: string[] = []): LessonMeta {
  return {
    id,
    title: `Lesson ${id}`,
    summary: 'a lesson for the tests',
    aliases: [],
    minutes: 5,
    order: 1,
    problems,
    related: [],
  };
}

const AT = new Date('2026-11-27T10:00:00Z');
const LESSONS = [meta('one', ['p1']), meta('two'), meta('three', ['p3'])];

function submission(verdict: string) {
  return { at: AT.toISOString(), language: 'python', verdict, passed: 1, total: 3 };
}

describe('nextStep', () => {
  it('walks the curriculum: the first unread lesson, or the unsolved problem of a read one', () => {
    let state: Progress = emptyProgress();
    expect(nextStep(LESSONS, state)?.command).toBe('pixel learn one');
    state = recordLessonRead(state, 'one', AT);
    expect(nextStep(LESSONS, state)).toEqual({
      command: 'pixel solve p1',
      reason: 'practise "Lesson one" on the p1 problem',
    });
    state = recordSubmission(state, 'p1', submission('wrong_answer'));
    expect(nextStep(LESSONS, state)?.reason).toBe('p1 is not solved yet');
    state = recordSubmission(state, 'p1', submission('accepted'));
    expect(nextStep(LESSONS, state)?.command).toBe('pixel learn two');
  });

  it('skips problems that are not installed, and ends when all is done', () => {
    let state = recordLessonRead(emptyProgress(), 'one', AT);
    state = recordLessonRead(state, 'two', AT);
    state = recordLessonRead(state, 'three', AT);
    expect(nextStep(LESSONS, state, new Set(['p3']))?.command).toBe('pixel solve p3');
    state = recordSubmission(state, 'p3', submission('accepted'));
    expect(nextStep(LESSONS, state, new Set(['p3']))).toBeUndefined();
  });
});

describe('progressReport', () => {
  it('counts lessons read and problems solved of attempted, with the last verdict', () => {
    let state = recordLessonRead(emptyProgress(), 'two', AT);
    state = recordLessonRead(state, 'two', new Date('2026-11-27T11:00:00Z'));
    state = recordLessonRead(state, 'retired-lesson', AT);
    state = recordSubmission(state, 'p1', submission('wrong_answer'));
    state = recordSubmission(state, 'p1', submission('accepted'));
    state = recordSubmission(state, 'p3', submission('time_limit_exceeded'));
    state = recordHintsRevealed(state, 'p3', 2);
    state = recordHintsRevealed(state, 'p9', 1);
    const report = progressReport(LESSONS, state);
    expect(report.lessons.read).toBe(1);
    expect(report.lessons.total).toBe(3);
    expect(report.lessons.items[1]).toEqual({
      id: 'two',
      title: 'Lesson two',
      read: true,
      timesRead: 2,
      firstReadAt: '2026-11-27T10:00:00.000Z',
      lastReadAt: '2026-11-27T11:00:00.000Z',
      quiz: null,
    });
    expect(report.problems).toEqual({
      solved: 1,
      attempted: 2,
      items: [
        {
          id: 'p1',
          attempts: 2,
          solved: true,
          solvedAt: '2026-11-27T10:00:00.000Z',
          hintsRevealed: 0,
          lastVerdict: 'accepted',
        },
        {
          id: 'p3',
          attempts: 1,
          solved: false,
          solvedAt: null,
          hintsRevealed: 2,
          lastVerdict: 'time_limit_exceeded',
        },
        {
          id: 'p9',
          attempts: 0,
          solved: false,
          solvedAt: null,
          hintsRevealed: 1,
          lastVerdict: null,
        },
      ],
    });
    expect(report.next?.command).toBe('pixel learn one');
  });
});

describe('pixel progress', () => {
  let home: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    home = await makeTempDir('pixel-progress-');
  });
  afterEach(() => home.cleanup());

  it('shows lessons read, problems solved and the next step', async () => {
    const source = lessonsInMemory(await fixtureLessons());
    const context = fakeContext(home.dir);
    await updateProgress(context.paths, context.warn, (state) =>
      recordSubmission(recordLessonRead(state, 'sample-basics', AT), 'fixture-problem', {
        ...submission('wrong_answer'),
      }),
    );
    await progress({}, context, { lessons: source });
    expect(context.stdout.text).toMatchInlineSnapshot(`
      "Lessons read: 1 of 2
        ✓ sample-basics  Sample basics    read once
          sample-next    The next sample

      Problems solved: 0 of 1 attempted
        ✗ fixture-problem  not solved yet, 1 attempt, last: wrong_answer

      next: pixel solve fixture-problem (fixture-problem is not solved yet)
      "
    `);
  });

  it('prints the report as JSON with --json', async () => {
    const source = lessonsInMemory(await fixtureLessons());
    const context = fakeContext(home.dir);
    const report = await progress({ json: true }, context, { lessons: source });
    expect(JSON.parse(context.stdout.text)).toEqual(report);
    expect(report.lessons).toMatchObject({ read: 0, total: 2 });
    expect(report.next).toEqual({
      command: 'pixel learn sample-basics',
      reason: 'read "Sample basics"',
    });
  });
});
