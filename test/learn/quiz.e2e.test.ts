import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerText, isChoiceQuestion, type QuizQuestion } from '../../src/learn/core/quiz.js';
import { builtLessons } from '../../src/learn/io/lessons.js';
import { hasControlCharacters, makeTempDir, PIXEL_BIN, runPixel } from '../helpers/run-pixel.js';
import { hasTmux, startInTmux, type TmuxScreen } from '../helpers/tmux.js';

/**
 * The quick check through the real bin/pixel.js: piped, it prints; in a pseudo-terminal
 * (tmux), a learner types answers, sees right or wrong with the explanation, and the score
 * lands in progress, where `pixel progress` shows it.
 */

let home: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  home = await makeTempDir('pixel-quiz-');
});
afterEach(() => home.cleanup());

async function quizOf(id: string): Promise<QuizQuestion[]> {
  return (await builtLessons().lesson(id)).quiz;
}

/** What a learner types for the right answer, and for a wrong one. */
function typed(question: QuizQuestion, right: boolean): string {
  if (isChoiceQuestion(question)) {
    const wrong = question.answer === 'a' ? 'b' : 'a';
    return right ? question.answer : wrong;
  }
  return String(right ? question.answer : question.answer + 10 * question.tolerance + 1);
}

describe('pixel learn <topic> --quiz, piped', () => {
  it('prints every question and no answer', async () => {
    const quiz = await quizOf('mse');
    const run = await runPixel(['learn', 'mse', '--quiz'], { env: { PIXEL_HOME: home.dir } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(hasControlCharacters(run.stdout)).toBe(false);
    expect(run.stdout).toMatch(/^Quick check: Mean squared error\n/);
    quiz.forEach((question, index) => {
      expect(run.stdout.replace(/\n {3}/g, ' ')).toContain(`${index + 1}. ${question.question}`);
    });
    expect(run.stdout).not.toContain('Answer:');
  });

  it('prints the answers and why with --answers, each on a line of its own', async () => {
    const quiz = await quizOf('mlops');
    const run = await runPixel(['learn', 'mlops', '--quiz', '--answers'], {
      env: { PIXEL_HOME: home.dir, COLUMNS: '200' },
    });
    expect(run.code).toBe(0);
    for (const question of quiz) {
      expect(run.stdout).toContain(`\n   Answer: ${answerText(question)}\n`);
    }
  });

  it('exits 2 with a hint for --quiz without a lesson', async () => {
    const run = await runPixel(['learn', '--quiz'], { env: { PIXEL_HOME: home.dir } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "pixel: --quiz needs a lesson\nhint: name it: pixel learn <topic> --quiz (see 'pixel learn' for the topics)\n",
    );
  });
});

describe.skipIf(!hasTmux)('pixel learn <topic> --quiz in a terminal', () => {
  let screen: TmuxScreen | undefined;
  afterEach(async () => {
    await screen?.close();
    screen = undefined;
  });

  it('takes typed answers one at a time, explains each, and records the score', async () => {
    const quiz = await quizOf('mse');
    screen = await startInTmux([process.execPath, PIXEL_BIN, 'learn', 'mse', '--quiz'], {
      dir: home.dir,
      env: { PIXEL_HOME: home.dir, LANG: 'C.UTF-8', CI: '0' },
    });
    for (const [index, question] of quiz.entries()) {
      await screen.waitFor(`question ${index + 1} of ${quiz.length}`);
      // The first answer is wrong on purpose; the rest are right.
      const right = index > 0;
      if (isChoiceQuestion(question)) await screen.send(typed(question, right));
      else await screen.send(typed(question, right), 'Enter');
      const shown = await screen.waitFor(right ? '✓ Right.' : '✗ Not quite.');
      expect(shown.replace(/\s+/g, ' ')).toContain(question.explanation.slice(0, 40));
      if (!right) expect(shown).toContain(`The answer is ${answerText(question)}.`);
      await screen.send('Enter');
    }
    const final = await screen.waitFor(`Score: ${quiz.length - 1} of ${quiz.length}`);
    expect(final).toContain('✗ 1.');
    await screen.send('Enter');
    await screen.waitFor('[exit 0]');
    expect(await screen.screen()).toContain(`${quiz.length - 1} of ${quiz.length} right`);

    const saved = JSON.parse(await readFile(join(home.dir, 'data', 'progress.json'), 'utf8')) as {
      quizzes: Record<string, { attempts: number; last: { score: number; total: number } }>;
    };
    expect(saved.quizzes.mse).toMatchObject({
      attempts: 1,
      last: { score: quiz.length - 1, total: quiz.length },
    });
    const progress = await runPixel(['progress'], { env: { PIXEL_HOME: home.dir } });
    expect(progress.stdout).toMatch(
      new RegExp(`mse +Mean squared error +quiz ${quiz.length - 1}/${quiz.length}`),
    );
  });

  it('stops on Escape without recording a score', async () => {
    // CI set, as some shells and containers set it: ink would draw nothing until the end, so
    // this proves pixel keeps the screen live in a terminal whatever CI says.
    screen = await startInTmux([process.execPath, PIXEL_BIN, 'learn', 'mlops', '--quiz'], {
      dir: home.dir,
      env: { PIXEL_HOME: home.dir, LANG: 'C.UTF-8', CI: 'true' },
    });
    await screen.waitFor('question 1 of');
    await screen.send('Escape');
    await screen.waitFor('[exit 0]');
    expect(await screen.screen()).toContain('no score recorded');
    await expect(readFile(join(home.dir, 'data', 'progress.json'), 'utf8')).rejects.toThrow();
  });
});
