/**
 * Quick checks: the 3–5 questions that end every lesson. They are data in the lesson's front
 * matter (`quiz:`), validated by the build with the rest of the lesson (quiz-schema.ts); this
 * file holds the pure rules for reading and grading an answer. It loads no zod: `pixel learn`
 * grades and prints quizzes from lessons the build has already checked.
 */
import type { ChoiceQuestion, NumberQuestion, QuizQuestion } from './quiz-schema.js';

export type { ChoiceQuestion, NumberQuestion, QuizQuestion } from './quiz-schema.js';

/** Letters a learner types to pick a choice; a question has at most this many choices. */
export const CHOICE_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type ChoiceLetter = (typeof CHOICE_LETTERS)[number];

export function isChoiceQuestion(question: QuizQuestion): question is ChoiceQuestion {
  return 'choices' in question;
}

/** The text of the right choice, `b) 0.25` style. */
export function choiceLabel(question: ChoiceQuestion, letter: ChoiceLetter): string {
  return `${letter}) ${question.choices[CHOICE_LETTERS.indexOf(letter)] ?? ''}`;
}

/** The right answer as a learner would write it: `b) …` or `0.25 ms`. */
export function answerText(question: QuizQuestion): string {
  if (isChoiceQuestion(question)) return choiceLabel(question, question.answer);
  const value = String(question.answer).replace(/^-/, '−');
  return question.unit ? `${value}${question.unit === '%' ? '' : ' '}${question.unit}` : value;
}

/** The letter a learner picked ("b", "B", "b)", "2"), or undefined if it names no choice. */
export function readChoice(input: string, question: ChoiceQuestion): ChoiceLetter | undefined {
  const text = input.trim().toLowerCase().replace(/[).]$/, '');
  const byNumber = /^[1-9]$/.test(text) ? CHOICE_LETTERS[Number(text) - 1] : undefined;
  const letter = byNumber ?? CHOICE_LETTERS.find((candidate) => candidate === text);
  if (letter === undefined) return undefined;
  return CHOICE_LETTERS.indexOf(letter) < question.choices.length ? letter : undefined;
}

const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;

/**
 * The number a learner typed, or undefined if it is not one. Accepts what people write: a
 * Unicode minus, a leading +, thousands separators (10,000), exponents, a trailing unit equal to
 * the question's, and a percent sign (25% is 0.25 unless the question's unit is % itself).
 * A lone comma (1,5) is refused rather than guessed at: it means 1.5 in half the world.
 */
export function readNumber(input: string, unit?: string): number | undefined {
  let text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const unitText = unit?.toLowerCase();
  if (unitText && unitText !== '%' && text.endsWith(unitText)) {
    text = text.slice(0, -unitText.length).trim();
  }
  let scale = 1;
  if (text.endsWith('%')) {
    text = text.slice(0, -1).trim();
    if (unitText !== '%') scale = 0.01;
  }
  let sign = 1;
  if (/^[-−+]/.test(text)) {
    sign = text.startsWith('+') ? 1 : -1;
    text = text.slice(1).trim();
  }
  if (GROUPED.test(text)) text = text.replace(/,/g, '');
  if (!DECIMAL.test(text)) return undefined;
  const value = sign * Number(text) * scale;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Whether a number is within the tolerance. The slack of a few ulps keeps 0.255 within
 * 0.005 of 0.25, which float arithmetic alone would refuse.
 */
export function closeEnough(value: number, question: NumberQuestion): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(question.answer));
  return Math.abs(value - question.answer) <= question.tolerance + slack;
}

export type Grade =
  | { kind: 'right' }
  | { kind: 'wrong' }
  /** Not an answer at all (a letter with no choice, text that is not a number): ask again. */
  | { kind: 'unreadable'; reason: string };

/** Grades one typed answer. */
export function gradeAnswer(question: QuizQuestion, input: string): Grade {
  if (isChoiceQuestion(question)) {
    const letter = readChoice(input, question);
    if (letter === undefined) {
      const last = CHOICE_LETTERS[question.choices.length - 1] ?? 'a';
      return { kind: 'unreadable', reason: `type a letter from a to ${last}` };
    }
    return { kind: letter === question.answer ? 'right' : 'wrong' };
  }
  const value = readNumber(input, question.unit);
  if (value === undefined) return { kind: 'unreadable', reason: 'type a number, such as 0.25' };
  return { kind: closeEnough(value, question) ? 'right' : 'wrong' };
}
