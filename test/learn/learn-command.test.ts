import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { learn } from '../../src/learn/commands/learn.js';
import { EnvironmentError, ExitCode, UsageError } from '../../src/errors.js';
import type { Lesson } from '../../src/learn/core/lesson-model.js';
import { builtLessons, lessonsInMemory, type LessonSource } from '../../src/learn/io/lessons.js';
import { progressFile } from '../../src/shared/io/progress-store.js';
import { captureStream, fakeContext } from '../helpers/fake-context.js';
import { makeTempDir } from '../helpers/run-pixel.js';
import { ESCAPE, fixtureLessons } from './fixture-lessons.js';

let home: { dir: string; cleanup: () => Promise<void> };
let lessons: Lesson[];
let source: LessonSource;

beforeEach(async () => {
  home = await makeTempDir('pixel-learn-');
  lessons = await fixtureLessons();
  source = lessonsInMemory(lessons);
});
afterEach(() => home.cleanup());

describe('pixel learn (the list)', () => {
  it('lists lessons in curriculum order with read marks and the next step', async () => {
    const context = fakeContext(home.dir);
    await learn({ topic: 'next' }, fakeContext(home.dir, { stdout: captureStream() }), {
      lessons: source,
    });
    const result = await learn({}, context, { lessons: source });
    expect(result.kind).toBe('list');
    expect(context.stdout.text).toMatchInlineSnapshot(`
      "Lessons (1 of 2 read)

        sample-basics  Sample basics    3 min
      ✓ sample-next    The next sample  2 min

      next: pixel learn sample-basics (read "Sample basics")
      "
    `);
  });

  it('prints the same as data with --json', async () => {
    const context = fakeContext(home.dir);
    await learn({ json: true }, context, { lessons: source });
    const data = JSON.parse(context.stdout.text) as {
      kind: string;
      lessons: Array<{ id: string; read: boolean; minutes: number; aliases: string[] }>;
      next: { command: string } | null;
    };
    expect(data.kind).toBe('list');
    expect(data.lessons.map((lesson) => [lesson.id, lesson.read, lesson.minutes])).toEqual([
      ['sample-basics', false, 3],
      ['sample-next', false, 2],
    ]);
    expect(data.lessons[0]?.aliases).toEqual(['sb', 'basics']);
    expect(data.next?.command).toBe('pixel learn sample-basics');
  });
});

describe('pixel learn <topic>', () => {
  it('renders the lesson, ends with related lessons and practice, and records it as read', async () => {
    const context = fakeContext(home.dir);
    const result = await learn({ topic: 'SB' }, context, { lessons: source });
    expect(result.kind).toBe('lesson');
    const text = context.stdout.text;
    expect(text).toMatch(/^Sample basics\n═+\n/);
    expect(text).not.toMatch(ESCAPE);
    expect(text.trimEnd().split('\n').slice(-3)).toEqual([
      '────────────────────────────────────────',
      'Related:  pixel learn sample-next      The next sample',
      'Practice: pixel solve fixture-problem  the exercise that practises this lesson',
    ]);
    const progress = JSON.parse(await readFile(progressFile(context.paths), 'utf8')) as {
      lessons: Record<string, { timesRead: number; firstReadAt: string }>;
    };
    expect(progress.lessons['sample-basics']).toEqual({
      firstReadAt: '2026-11-27T12:00:00.000Z',
      lastReadAt: '2026-11-27T12:00:00.000Z',
      timesRead: 1,
    });
  });

  it('wraps to the width of the output', async () => {
    const context = fakeContext(home.dir, { stdout: captureStream({ columns: 40 }) });
    await learn({ topic: 'sample-basics' }, context, { lessons: source });
    const prose = context.stdout.text.split('\n').filter((line) => !/^ {4}\S/.test(line));
    expect(Math.max(...prose.map((line) => [...line].length))).toBeLessThanOrEqual(40);
  });

  it('colours the lesson when the context allows colour', async () => {
    const context = fakeContext(home.dir, { color: true });
    const result = await learn({ topic: 'sample-basics' }, context, { lessons: source });
    expect(context.stdout.text).toMatch(ESCAPE);
    // The returned text is the same page without colour.
    const plain = fakeContext(home.dir);
    await learn({ topic: 'sample-basics' }, plain, { lessons: source });
    expect(result.kind === 'lesson' && result.text).toBe(plain.stdout.text);
  });

  it('prints metadata and plain text with --json, without escape codes', async () => {
    const context = fakeContext(home.dir, { color: true });
    await learn({ topic: 'basics', json: true }, context, { lessons: source });
    const data = JSON.parse(context.stdout.text) as {
      kind: string;
      lesson: { id: string };
      text: string;
      related: Array<{ id: string }>;
      practice: string[];
    };
    expect(data.lesson.id).toBe('sample-basics');
    expect(data.text).toContain('MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)²');
    expect(data.text).not.toMatch(ESCAPE);
    expect(data.related).toEqual([{ id: 'sample-next', title: 'The next sample' }]);
    expect(data.practice).toEqual(['pixel solve fixture-problem']);
  });

  it('refuses an unknown topic with exit 2 and the closest lessons', async () => {
    const context = fakeContext(home.dir);
    const error = await learn({ topic: 'sample-basic' }, context, { lessons: source }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(ExitCode.usage);
    expect((error as UsageError).message).toBe("no lesson called 'sample-basic'");
    expect((error as UsageError).hint).toBe(
      'did you mean sample-basics? Try: pixel learn sample-basics',
    );
  });

  it('lists every lesson when nothing is close', async () => {
    const error = (await learn({ topic: 'zzzzzzzzzz' }, fakeContext(home.dir), {
      lessons: source,
    }).catch((caught: unknown) => caught)) as UsageError;
    expect(error.hint).toBe("the lessons are: sample-basics, sample-next; see 'pixel learn'");
  });

  it('still shows the lesson when progress cannot be recorded', async () => {
    const context = fakeContext(home.dir, {
      paths: { data: '/dev/null/cannot-exist', cache: home.dir, config: home.dir },
    });
    await learn({ topic: 'sample-next' }, context, { lessons: source });
    expect(context.stdout.text).toContain('The next sample');
    expect(context.warnings[0]).toMatch(/^could not record the lesson as read/);
  });
});

describe('pixel learn --pick', () => {
  it('reads the lesson picked, and offers every lesson with its read mark', async () => {
    const pick = vi.fn((_entries: unknown[]) => Promise.resolve('sample-next'));
    const context = fakeContext(home.dir);
    const result = await learn({ pick: true }, context, { lessons: source, pick });
    expect(pick.mock.calls[0]?.[0]).toMatchObject([
      { id: 'sample-basics', read: false },
      { id: 'sample-next', read: false },
    ]);
    expect(result.kind).toBe('lesson');
    expect(context.stdout.text).toMatch(/^The next sample\n/);
  });

  it('does nothing when the learner quits the picker', async () => {
    const context = fakeContext(home.dir);
    const result = await learn({ pick: true }, context, {
      lessons: source,
      pick: () => Promise.resolve(null),
    });
    expect(result).toEqual({ kind: 'cancelled' });
    expect(context.stdout.text).toBe('');
  });

  it('refuses --pick with a topic or --json, and outside a terminal', async () => {
    const withTopic = await learn({ pick: true, topic: 'sb' }, fakeContext(home.dir), {
      lessons: source,
    }).catch((caught: unknown) => caught);
    expect(withTopic).toBeInstanceOf(UsageError);
    const piped = await learn({ pick: true }, fakeContext(home.dir), { lessons: source }).catch(
      (caught: unknown) => caught,
    );
    expect((piped as UsageError).message).toBe('--pick needs an interactive terminal');
  });
});

describe('a damaged install', () => {
  it('says how to rebuild when the built lessons are missing or from another version', async () => {
    const folder = join(home.dir, 'dist-lessons');
    const missing = await learn({}, fakeContext(home.dir), {
      lessons: builtLessons(folder),
    }).catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(EnvironmentError);
    expect((missing as EnvironmentError).exitCode).toBe(ExitCode.environment);
    expect((missing as EnvironmentError).hint).toMatch(/npm run build/);

    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.json'), '{"version": 999, "lessons": []}');
    const stale = await learn({}, fakeContext(home.dir), { lessons: builtLessons(folder) }).catch(
      (caught: unknown) => caught,
    );
    expect(stale).toBeInstanceOf(EnvironmentError);
  });
});

describe('paging', () => {
  const tty = () => captureStream({ isTTY: true, columns: 80, rows: 10 });

  it('pages a lesson taller than the terminal', async () => {
    const page = vi.fn(() => Promise.resolve(true));
    const context = fakeContext(home.dir, { stdout: tty() });
    await learn({ topic: 'sample-basics' }, context, { lessons: source, page });
    expect(page).toHaveBeenCalledOnce();
    expect(context.stdout.text).toBe('');
  });

  it('prints directly with --no-pager, when piped, or when the lesson fits', async () => {
    const page = vi.fn(() => Promise.resolve(true));
    await learn(
      { topic: 'sample-basics', pager: false },
      fakeContext(home.dir, { stdout: tty() }),
      {
        lessons: source,
        page,
      },
    );
    await learn({ topic: 'sample-basics' }, fakeContext(home.dir), { lessons: source, page });
    const tall = captureStream({ isTTY: true, columns: 80, rows: 100 });
    await learn({ topic: 'sample-next' }, fakeContext(home.dir, { stdout: tall }), {
      lessons: source,
      page,
    });
    expect(page).not.toHaveBeenCalled();
    expect(tall.text).toContain('The next sample');
  });

  it('prints directly when the pager cannot start', async () => {
    const context = fakeContext(home.dir, { stdout: tty() });
    await learn({ topic: 'sample-basics' }, context, {
      lessons: source,
      page: () => Promise.resolve(false),
    });
    expect(context.stdout.text).toContain('Sample basics');
  });
});

describe('pixel learn <topic> --quiz', () => {
  it('prints the questions when piped, records nothing, and leaves the lesson unread', async () => {
    const context = fakeContext(home.dir);
    const ask = vi.fn();
    const result = await learn({ topic: 'sb', quiz: true }, context, { lessons: source, ask });
    expect(ask).not.toHaveBeenCalled();
    expect(result).toMatchObject({ kind: 'quiz', score: null });
    expect(context.stdout.text).toContain('Quick check: Sample basics');
    expect(context.stdout.text).toContain('1. In ŷ = w·x + b, what does the weight w say?');
    expect(context.stdout.text).not.toContain('Answer:');
    await expect(readFile(progressFile(context.paths), 'utf8')).rejects.toThrow();
  });

  it('adds each answer and why with --answers, even in a terminal', async () => {
    const stdout = captureStream({ isTTY: true });
    const context = fakeContext(home.dir, { stdout });
    const ask = vi.fn();
    await learn({ topic: 'sb', quiz: true, answers: true }, context, { lessons: source, ask });
    expect(ask).not.toHaveBeenCalled();
    expect(stdout.text).toContain('   Answer: a) How much ŷ changes when x grows by one\n');
    expect(stdout.text).toContain('   Answer: 500 ms\n');
  });

  it('asks in a terminal and records the score in progress', async () => {
    const stdout = captureStream({ isTTY: true });
    const context = fakeContext(home.dir, { stdout });
    const ask = vi.fn(() => Promise.resolve({ score: 2, total: 3 }));
    const result = await learn({ topic: 'basics', quiz: true }, context, { lessons: source, ask });
    expect(ask).toHaveBeenCalledWith(lessons[0]!.quiz, 'Sample basics');
    expect(result).toMatchObject({ kind: 'quiz', score: { score: 2, total: 3 } });
    expect(stdout.text).toContain('2 of 3 right');
    const saved = JSON.parse(await readFile(progressFile(context.paths), 'utf8')) as {
      quizzes: Record<string, unknown>;
      lessons: Record<string, unknown>;
    };
    expect(saved.quizzes['sample-basics']).toEqual({
      attempts: 1,
      best: { score: 2, total: 3, at: '2026-11-27T12:00:00.000Z' },
      last: { score: 2, total: 3, at: '2026-11-27T12:00:00.000Z' },
    });
    expect(saved.lessons).toEqual({});
  });

  it('still shows the score, with a warning, when it cannot be recorded', async () => {
    const context = fakeContext(home.dir, { stdout: captureStream({ isTTY: true }) });
    // A file where the data folder should be: nothing can be written under it.
    await writeFile(context.paths.data, 'not a folder');
    const result = await learn({ topic: 'sb', quiz: true }, context, {
      lessons: source,
      ask: () => Promise.resolve({ score: 3, total: 3 }),
    });
    expect(result).toMatchObject({ score: { score: 3, total: 3 } });
    expect(context.stdout.text).toBe('3 of 3 right\n');
    expect(context.warnings[0]).toMatch(/^could not record the quiz score: /);
  });

  it('records nothing when the learner stops half-way', async () => {
    const context = fakeContext(home.dir, { stdout: captureStream({ isTTY: true }) });
    await learn({ topic: 'sb', quiz: true }, context, {
      lessons: source,
      ask: () => Promise.resolve(null),
    });
    expect(context.stdout.text).toContain('no score recorded');
    await expect(readFile(progressFile(context.paths), 'utf8')).rejects.toThrow();
  });

  it('prints the questions instead when keys cannot be read, or with --plain', async () => {
    for (const [options, ask] of [
      [{ plain: true }, vi.fn()],
      [{}, vi.fn(() => Promise.resolve('no-terminal' as const))],
    ] as const) {
      const context = fakeContext(home.dir, { stdout: captureStream({ isTTY: true }) });
      await learn({ topic: 'sb', quiz: true, ...options }, context, { lessons: source, ask });
      expect(context.stdout.text).toContain('Quick check: Sample basics');
    }
  });

  it('gives data with --json: answers only when asked for', async () => {
    const context = fakeContext(home.dir);
    await learn({ topic: 'sb', quiz: true, json: true }, context, { lessons: source });
    const data = JSON.parse(context.stdout.text) as { questions: Array<Record<string, unknown>> };
    expect(data.questions[0]).toEqual({
      id: 'weight-meaning',
      question: 'In ŷ = w·x + b, what does the weight w say?',
      choices: [
        'How much ŷ changes when x grows by one',
        'The prediction when x is 0',
        'How wrong the model is',
      ],
    });
    const withAnswers = fakeContext(home.dir);
    await learn({ topic: 'sb', quiz: true, json: true, answers: true }, withAnswers, {
      lessons: source,
    });
    const full = JSON.parse(withAnswers.stdout.text) as {
      questions: Array<Record<string, unknown>>;
    };
    expect(full.questions[1]).toMatchObject({ answer: 7, tolerance: 0 });
  });

  it('refuses --answers or --plain without --quiz, and --quiz without a lesson', async () => {
    const context = fakeContext(home.dir);
    await expect(
      learn({ topic: 'sb', answers: true }, context, { lessons: source }),
    ).rejects.toThrow('--answers goes with --quiz');
    await expect(
      learn({ topic: 'sb', answers: true }, context, { lessons: source }),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(learn({ topic: 'sb', plain: true }, context, { lessons: source })).rejects.toThrow(
      '--plain goes with --quiz',
    );
    await expect(learn({ quiz: true }, context, { lessons: source })).rejects.toThrow(
      '--quiz needs a lesson',
    );
    await expect(
      learn({ topic: 'no-such-lesson', quiz: true }, context, { lessons: source }),
    ).rejects.toThrow("no lesson called 'no-such-lesson'");
  });
});
