import { describe, expect, it } from 'vitest';
import { isChoiceQuestion, type NumberQuestion } from '../../src/learn/core/quiz.js';
import { fitLine } from './house-sales.js';
import { LESSON_IDS, mean, readLesson, sum } from './lesson-text.js';
import { QUIZ_RECOMPUTED } from './quiz-recomputed.js';

// Every numeric answer of every quick check, recomputed from the inputs its question states.
// A new numeric question without a recomputation in quiz-recomputed.ts fails here, so no
// answer ships that only its author has checked.

const numeric = LESSON_IDS.flatMap((lesson) =>
  readLesson(lesson)
    .quiz.filter((question): question is NumberQuestion => !isChoiceQuestion(question))
    .map((question) => ({ key: `${lesson}/${question.id}`, question })),
);

describe('numeric quiz answers', () => {
  it('exist in the lessons (the registry below is not empty by accident)', () => {
    expect(numeric.length).toBeGreaterThan(10);
  });

  it.each(numeric)(
    '$key is recomputed from the numbers its question states',
    ({ key, question }) => {
      const recomputed = QUIZ_RECOMPUTED[key];
      expect(recomputed, `add ${key} to test/lessons/quiz-recomputed.ts`).toBeDefined();
      if (!recomputed) return;
      for (const input of recomputed.inputs) expect(question.question).toContain(input);
      const value = recomputed.compute();
      expect(Math.abs(value - question.answer)).toBeLessThanOrEqual(question.tolerance + 1e-9);
      // A tolerance as wide as the answer itself would accept nonsense.
      if (question.answer !== 0) {
        expect(question.tolerance).toBeLessThan(Math.abs(question.answer) / 10);
      }
    },
  );

  it('has no recomputation left over for a question that is gone', () => {
    const keys = new Set(numeric.map(({ key }) => key));
    for (const key of Object.keys(QUIZ_RECOMPUTED)) expect(keys).toContain(key);
  });

  it('uses helpers that agree with the lessons they come from', () => {
    // Sanity of the shared helpers the recomputations lean on.
    expect(mean([1, 2, 3])).toBe(2);
    expect(sum([1, 2, 3])).toBe(6);
    expect(fitLine([1, 2, 3], [2, 3, 7]).w).toBe(2.5);
  });
});
