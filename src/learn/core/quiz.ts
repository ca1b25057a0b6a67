import * as z from 'zod/mini';

/**
 * Quick checks: the 3–5 questions that end every lesson. They are data in the lesson's front
 * matter (`quiz:`), validated by the build with the rest of the lesson; this file holds their
 * shape and the pure rules for reading and grading an answer.
 */

/** Letters a learner types to pick a choice; a question has at most this many choices. */
export const CHOICE_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type ChoiceLetter = (typeof CHOICE_LETTERS)[number];

/** Fewest and most questions a lesson's quiz may have. */
export const QUIZ_SIZE = { min: 3, max: 5 } as const;

const questionFields = {
  /** Stable id within the lesson (kebab-case), so tests and progress can name a question. */
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case')),
  /** The question, one paragraph of plain text (Unicode formulas welcome). */
  question: z.string().check(z.minLength(10)),
  /** Why the answer is right: shown after the learner answers, and with --answers. */
  explanation: z.string().check(z.minLength(10)),
};

/** Multiple choice with exactly one right answer. */
export const ChoiceQuestionSchema = z.strictObject({
  ...questionFields,
  /** The options, shown as a), b), ... in this order. */
  choices: z
    .array(z.string().check(z.minLength(1)))
    .check(z.minLength(2), z.maxLength(CHOICE_LETTERS.length)),
  /** The letter of the right choice. */
  answer: z.enum(CHOICE_LETTERS),
});

/** A number, right when within `tolerance` of `answer`. */
export const NumberQuestionSchema = z.strictObject({
  ...questionFields,
  answer: z.number().check(z.refine(Number.isFinite, 'must be a finite number')),
  /** Largest accepted distance from the answer (absolute, in the answer's unit). */
  tolerance: z.number().check(z.nonnegative()),
  /** Unit the answer is in ("ms", "%"), shown after the input; a typed unit is accepted. */
  unit: z.optional(z.string().check(z.minLength(1))),
});

export type ChoiceQuestion = z.infer<typeof ChoiceQuestionSchema>;
export type NumberQuestion = z.infer<typeof NumberQuestionSchema>;
export type QuizQuestion = ChoiceQuestion | NumberQuestion;

export function isChoiceQuestion(question: QuizQuestion): question is ChoiceQuestion {
  return 'choices' in question;
}

export interface QuizIssue {
  /** Where in the quiz: `quiz.2.answer`. */
  path: string;
  message: string;
}

/** What the schema cannot see: the answer names a choice that exists, and no choice repeats. */
function choiceIssues(item: Record<string, unknown>, where: string): QuizIssue[] {
  const { choices, answer } = item;
  if (!Array.isArray(choices)) return [];
  const issues: QuizIssue[] = [];
  const right = CHOICE_LETTERS.indexOf(answer as ChoiceLetter);
  if (right >= choices.length) {
    issues.push({
      path: `${where}.answer`,
      message: `"${String(answer)}" but there are only ${choices.length} choices`,
    });
  }
  if (new Set(choices).size !== choices.length) {
    issues.push({ path: `${where}.choices`, message: 'two choices are the same' });
  }
  return issues;
}

/**
 * Validates a lesson's `quiz:` value and reports every issue with its place. A question with
 * `choices` is multiple choice, any other a number: picking the schema first gives the author
 * "choices.3: ..." instead of a union's "Invalid input".
 */
export function parseQuiz(raw: unknown): { quiz?: QuizQuestion[]; issues: QuizIssue[] } {
  if (!Array.isArray(raw)) {
    return { issues: [{ path: 'quiz', message: 'must be a list of questions' }] };
  }
  const issues: QuizIssue[] = [];
  if (raw.length < QUIZ_SIZE.min || raw.length > QUIZ_SIZE.max) {
    issues.push({
      path: 'quiz',
      message: `has ${raw.length} questions; a lesson ends with ${QUIZ_SIZE.min} to ${QUIZ_SIZE.max}`,
    });
  }
  const quiz: QuizQuestion[] = [];
  const ids = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const where = `quiz.${index + 1}`;
    const isChoice = typeof item === 'object' && item !== null && 'choices' in item;
    // Ids are checked before the schema, so a duplicate is reported even beside other issues.
    const id =
      typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id === 'string') {
      if (ids.has(id)) issues.push({ path: `${where}.id`, message: `"${id}" is used twice` });
      ids.add(id);
    }
    const result = isChoice
      ? ChoiceQuestionSchema.safeParse(item)
      : NumberQuestionSchema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.length > 0 ? `${where}.${issue.path.join('.')}` : where;
        issues.push({ path, message: issue.message });
      }
    }
    if (isChoice) issues.push(...choiceIssues(item, where));
    if (result.success) quiz.push(result.data);
  });
  return issues.length > 0 ? { issues } : { quiz, issues };
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
