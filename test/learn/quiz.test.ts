import { describe, expect, it } from 'vitest';
import {
  answerText,
  gradeAnswer,
  readChoice,
  readNumber,
  type ChoiceQuestion,
  type NumberQuestion,
} from '../../src/learn/core/quiz.js';
import { parseQuiz } from '../../src/learn/core/quiz-schema.js';
import {
  emptyProgress,
  ProgressSchema,
  recordLessonRead,
  recordQuizScore,
} from '../../src/shared/core/progress.js';
import { formatProgress } from '../../src/learn/ui/learn-format.js';
import { formatQuiz, formatQuickCheck } from '../../src/learn/ui/quiz-format.js';
import { plainChalk } from '../../src/shared/ui/plain-chalk.js';
import { formatQuizFrame } from '../../src/learn/ui/quiz-frame.js';
import {
  initialQuizState,
  quizKeymap,
  quizReducer,
  quizScore,
  type QuizAction,
  type QuizState,
} from '../../src/learn/ui/quiz-state.js';
import { progressReport } from '../../src/learn/core/progress-report.js';

const NUMBER: NumberQuestion = {
  id: 'precision',
  question: 'The model flags 380 and 95 are fraud. What is its precision?',
  answer: 0.25,
  tolerance: 0.005,
  explanation: 'TP = 95 and FP = 285, so 95 / 380 = 0.25.',
};
const LATENCY: NumberQuestion = {
  id: 'latency',
  question: 'What is the p90 latency of these requests?',
  answer: -40,
  tolerance: 0,
  unit: 'ms',
  explanation: 'A made-up negative answer, to test the minus sign.',
};
const CHOICE: ChoiceQuestion = {
  id: 'drift',
  question: 'Where does concept drift show first?',
  choices: ['In the inputs', 'In the labels', 'In the latency'],
  answer: 'b',
  explanation: 'A fixed model’s predictions depend on the inputs alone.',
};
const QUIZ = [NUMBER, CHOICE, LATENCY];

describe('reading answers', () => {
  it('reads numbers as people write them', () => {
    expect(readNumber('0.25')).toBe(0.25);
    expect(readNumber(' .25 ')).toBe(0.25);
    expect(readNumber('+0.25')).toBe(0.25);
    expect(readNumber('−40')).toBe(-40);
    expect(readNumber('-4e1')).toBe(-40);
    expect(readNumber('10,000')).toBe(10000);
    expect(readNumber('1,234.5')).toBe(1234.5);
    expect(readNumber('25%')).toBe(0.25);
    expect(readNumber('25 %', '%')).toBe(25);
    expect(readNumber('40 ms', 'ms')).toBe(40);
    expect(readNumber('40ms', 'ms')).toBe(40);
  });

  it('refuses what is not clearly one number', () => {
    for (const text of [
      '',
      'abc',
      '1,5',
      '1.2.3',
      '--1',
      '0x10',
      '1/4',
      'Infinity',
      'NaN',
      '40 s',
    ]) {
      expect(readNumber(text, 'ms'), text).toBeUndefined();
    }
  });

  it('reads a choice by letter, with or without a parenthesis, or by number', () => {
    expect(readChoice('b', CHOICE)).toBe('b');
    expect(readChoice(' B) ', CHOICE)).toBe('b');
    expect(readChoice('2', CHOICE)).toBe('b');
    expect(readChoice('d', CHOICE)).toBeUndefined();
    expect(readChoice('4', CHOICE)).toBeUndefined();
    expect(readChoice('bb', CHOICE)).toBeUndefined();
  });

  it('grades within the tolerance, and says why an answer cannot be read', () => {
    expect(gradeAnswer(NUMBER, '0.25')).toEqual({ kind: 'right' });
    expect(gradeAnswer(NUMBER, '0.255')).toEqual({ kind: 'right' });
    expect(gradeAnswer(NUMBER, '0.256')).toEqual({ kind: 'wrong' });
    expect(gradeAnswer(NUMBER, '25%')).toEqual({ kind: 'right' });
    expect(gradeAnswer(NUMBER, 'a quarter')).toEqual({
      kind: 'unreadable',
      reason: 'type a number, such as 0.25',
    });
    expect(gradeAnswer(CHOICE, 'b')).toEqual({ kind: 'right' });
    expect(gradeAnswer(CHOICE, 'a')).toEqual({ kind: 'wrong' });
    expect(gradeAnswer(CHOICE, 'z')).toEqual({
      kind: 'unreadable',
      reason: 'type a letter from a to c',
    });
  });

  it('writes the right answer the way a learner would', () => {
    expect(answerText(NUMBER)).toBe('0.25');
    expect(answerText(LATENCY)).toBe('−40 ms');
    expect(answerText(CHOICE)).toBe('b) In the labels');
  });

  it('validates a quiz it is given as data', () => {
    expect(parseQuiz(QUIZ)).toEqual({ quiz: QUIZ, issues: [] });
    expect(parseQuiz('three questions').issues).toEqual([
      { path: 'quiz', message: 'must be a list of questions' },
    ]);
  });
});

describe('the interactive quiz, as pure state', () => {
  const run = (state: QuizState, ...keys: Array<[string, Record<string, boolean>?]>) =>
    keys
      .flatMap(([input, key]) => quizKeymap(input, key ?? {}))
      .reduce((current, action: QuizAction) => quizReducer(current, action), state);

  it('asks, grades, explains, moves on, and scores', () => {
    let state = initialQuizState(QUIZ);
    state = run(
      state,
      ['0'],
      ['.'],
      ['3'],
      ['', { backspace: true }],
      ['2'],
      ['5'],
      ['', { return: true }],
    );
    expect(state.phase).toBe('answered');
    expect(state.responses).toEqual([{ given: '0.25', right: true }]);
    state = run(state, ['', { return: true }]);
    expect(state.index).toBe(1);
    state = run(state, ['a']);
    expect(state.responses[1]).toEqual({ given: 'a', right: false });
    state = run(state, [' '], ['−'], ['4'], ['0'], ['', { return: true }]);
    expect(state.responses[2]).toEqual({ given: '−40', right: true });
    state = run(state, ['', { return: true }]);
    expect(state.phase).toBe('done');
    expect(quizScore(state)).toEqual({ score: 2, total: 3 });
    state = run(state, ['', { return: true }]);
    expect(state.outcome).toEqual({ finished: true });
  });

  it('takes a burst of keys in one read as every key, Enter and Backspace included', () => {
    // What a fast typist or a paste over ssh delivers: ink passes it whole, with no key flags.
    const actions = quizKeymap('0.3\u007f25\r', {});
    expect(actions).toEqual([
      { type: 'type', text: '0.3' },
      { type: 'erase' },
      { type: 'type', text: '25' },
      { type: 'submit' },
    ]);
    const state = actions.reduce(quizReducer, initialQuizState(QUIZ));
    expect(state.responses).toEqual([{ given: '0.25', right: true }]);
  });

  it('asks again, without counting, when an answer cannot be read', () => {
    let state = run(initialQuizState(QUIZ), ['x'], ['', { return: true }]);
    expect(state.phase).toBe('asking');
    expect(state.problem).toBe('type a number, such as 0.25');
    expect(state.responses).toEqual([]);
    state = run(state, ['', { return: true }]);
    expect(state.problem).toBe('type a number, such as 0.25');
  });

  it('picks a choice with the arrows and Enter', () => {
    let state = run(initialQuizState([CHOICE, NUMBER, LATENCY]), ['', { downArrow: true }]);
    expect(state.cursor).toBe(1);
    state = run(state, ['', { return: true }]);
    expect(state.responses).toEqual([{ given: 'b', right: true }]);
  });

  it('stops on Escape, Ctrl-C or q, and a stopped quiz is not finished', () => {
    expect(run(initialQuizState(QUIZ), ['', { escape: true }]).outcome).toEqual({
      finished: false,
    });
    expect(run(initialQuizState(QUIZ), ['c', { ctrl: true }]).outcome).toEqual({ finished: false });
    expect(run(initialQuizState(QUIZ), ['q']).outcome).toEqual({ finished: false });
    expect(run(initialQuizState([CHOICE, NUMBER, LATENCY]), ['q']).outcome).toEqual({
      finished: false,
    });
  });

  it('draws the question, then right or wrong with the explanation, then the score', () => {
    const options = { title: 'MLOps', width: 60, chalk: plainChalk() };
    let state = initialQuizState([CHOICE, NUMBER, LATENCY]);
    expect(formatQuizFrame(state, options)).toMatchInlineSnapshot(`
      "Quick check: MLOps
      question 1 of 3

      Where does concept drift show first?

      › a) In the inputs
        b) In the labels
        c) In the latency

      a–c answer · ↑/↓ and enter · esc stop"
    `);
    state = quizReducer(state, { type: 'type', text: 'a' });
    expect(formatQuizFrame(state, options)).toContain(
      '✗ Not quite. The answer is b) In the labels.\nA fixed model’s predictions depend on the inputs alone.',
    );
    state = [
      { type: 'submit' },
      { type: 'type', text: '0.25' },
      { type: 'submit' },
      { type: 'submit' },
      { type: 'type', text: '-40' },
      { type: 'submit' },
      { type: 'submit' },
    ].reduce((current, action) => quizReducer(current, action as QuizAction), state);
    expect(formatQuizFrame(state, options)).toMatchInlineSnapshot(`
      "Quick check: MLOps

      Score: 2 of 3
      ✗ 1. Where does concept drift show first?
      ✓ 2. The model flags 380 and 95 are fraud. What is its prec…
      ✓ 3. What is the p90 latency of these requests?

      enter or q: close"
    `);
  });
});

describe('the quiz as text', () => {
  const options = { width: 60, chalk: plainChalk() };

  it('prints the questions without answers, and the answers on lines of their own', () => {
    const questions = formatQuiz({ id: 'mlops', title: 'MLOps' }, QUIZ, {
      ...options,
      answers: false,
    });
    expect(questions).not.toContain('Answer:');
    expect(questions).not.toContain('0.25 ');
    const answers = formatQuiz({ id: 'mlops', title: 'MLOps' }, QUIZ, {
      ...options,
      answers: true,
    });
    expect(answers).toMatchInlineSnapshot(`
      "Quick check: MLOps
      ══════════════════
      3 questions, each followed by its answer and why.

      1. The model flags 380 and 95 are fraud. What is its
         precision?
         (a number, within ±0.005)
         Answer: 0.25
         Why: TP = 95 and FP = 285, so 95 / 380 = 0.25.

      2. Where does concept drift show first?
         a) In the inputs
         b) In the labels
         c) In the latency
         Answer: b) In the labels
         Why: A fixed model’s predictions depend on the inputs
              alone.

      3. What is the p90 latency of these requests?
         (a number in ms, exactly)
         Answer: −40 ms
         Why: A made-up negative answer, to test the minus sign.
      "
    `);
    // No answer shares a line with its question.
    for (const line of answers.split('\n')) {
      if (/^\d+\. /.test(line)) expect(line).not.toContain('Answer');
    }
  });

  it('ends a lesson page with the questions and how to answer them', () => {
    const text = formatQuickCheck({ id: 'mlops' }, QUIZ, options);
    expect(text).toContain('Quick check\n───────────\n1. The model flags 380');
    expect(text).toContain('pixel learn mlops --quiz');
    expect(text).not.toContain('Answer:');
  });
});

describe('quiz scores in progress', () => {
  const at = (hour: number) => `2026-11-27T${String(hour).padStart(2, '0')}:00:00.000Z`;

  it('keeps attempts, the last score and the best one', () => {
    let progress = recordQuizScore(emptyProgress(), 'mlops', { score: 3, total: 5, at: at(10) });
    progress = recordQuizScore(progress, 'mlops', { score: 5, total: 5, at: at(11) });
    progress = recordQuizScore(progress, 'mlops', { score: 4, total: 5, at: at(12) });
    expect(progress.quizzes?.mlops).toEqual({
      attempts: 3,
      best: { score: 5, total: 5, at: at(11) },
      last: { score: 4, total: 5, at: at(12) },
    });
  });

  it('loads a progress file written before quizzes existed', () => {
    const old = { version: 1, lessons: {}, problems: {} };
    const parsed = ProgressSchema.safeParse(old);
    expect(parsed.success).toBe(true);
    expect(recordQuizScore(parsed.data!, 'mse', { score: 1, total: 3, at: at(9) }).quizzes).toEqual(
      {
        mse: {
          attempts: 1,
          best: { score: 1, total: 3, at: at(9) },
          last: { score: 1, total: 3, at: at(9) },
        },
      },
    );
  });

  it('shows the score in pixel progress, with the best when it differs', () => {
    const lessons = [
      {
        id: 'mse',
        title: 'Mean squared error',
        summary: 'x'.repeat(12),
        aliases: [],
        minutes: 7,
        order: 1,
        problems: [],
        related: [],
      },
      {
        id: 'gd',
        title: 'Gradient descent',
        summary: 'x'.repeat(12),
        aliases: [],
        minutes: 12,
        order: 2,
        problems: [],
        related: [],
      },
    ];
    let progress = recordLessonRead(emptyProgress(), 'mse', new Date(at(8)));
    progress = recordQuizScore(progress, 'mse', { score: 4, total: 4, at: at(9) });
    progress = recordQuizScore(progress, 'mse', { score: 2, total: 4, at: at(10) });
    progress = recordQuizScore(progress, 'gd', { score: 3, total: 4, at: at(11) });
    const text = formatProgress(progressReport(lessons, progress), {
      width: 80,
      chalk: plainChalk(),
    });
    expect(text).toContain('✓ mse  Mean squared error  read once, quiz 2/4 (best 4/4)');
    expect(text).toContain('  gd   Gradient descent    quiz 3/4');
  });
});
