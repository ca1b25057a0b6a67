import * as z from 'zod/mini';
import { CHOICE_LETTERS, type ChoiceLetter } from './quiz.js';

/**
 * The shape of a lesson's quick check (`quiz:` in its front matter), checked by the build
 * (scripts/lessons/compile-lessons.ts); quiz.ts holds the rules for answering one.
 */

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
