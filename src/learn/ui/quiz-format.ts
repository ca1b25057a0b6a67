import type { ChalkInstance } from 'chalk';
import {
  answerText,
  CHOICE_LETTERS,
  isChoiceQuestion,
  type NumberQuestion,
  type QuizQuestion,
} from '../core/quiz.js';
import { textWidth } from '../../shared/core/text-width.js';
import { wrapText } from '../../shared/core/wrap-text.js';

/**
 * Quick checks as text: the questions at the end of a lesson page, `pixel learn <topic> --quiz`
 * when it is piped or --plain, and the question part of the interactive screen. An answer is
 * only ever printed on a line of its own, below its question.
 */

export interface QuizFormatOptions {
  width: number;
  chalk: ChalkInstance;
}

/** Wraps text with a hanging indent: the first line after `first`, the rest under it. */
function hang(text: string, first: string, width: number): string[] {
  const indent = ' '.repeat(first.length);
  return wrapText(text, Math.max(10, width - indent.length)).map(
    (line, index) => (index === 0 ? first : indent) + line,
  );
}

/** What kind of answer a number question wants, e.g. `(a number in ms, within ±0.5)`. */
export function numberPrompt(question: NumberQuestion): string {
  const unit = question.unit ? (question.unit === '%' ? ' in %' : ` in ${question.unit}`) : '';
  const within = question.tolerance > 0 ? `, within ±${question.tolerance}` : ', exactly';
  return `(a number${unit}${within})`;
}

/** The question and its choices (or what kind of number it wants), indented under `number.`. */
export function formatQuestionLines(
  question: QuizQuestion,
  number: number,
  options: QuizFormatOptions,
): string[] {
  const { chalk, width } = options;
  const head = `${number}. `;
  const pad = ' '.repeat(head.length);
  const lines = hang(question.question, head, width);
  if (isChoiceQuestion(question)) {
    question.choices.forEach((choice, index) => {
      lines.push(...hang(choice, `${pad}${CHOICE_LETTERS[index]}) `, width));
    });
  } else lines.push(...hang(numberPrompt(question), pad, width).map((line) => chalk.dim(line)));
  return lines;
}

/** The answer and why, under a question: for --answers and after a learner has answered. */
export function formatAnswerLines(
  question: QuizQuestion,
  indent: string,
  options: QuizFormatOptions,
): string[] {
  const { chalk, width } = options;
  return [
    ...hang(answerText(question), `${indent}Answer: `, width).map((line) => chalk.bold(line)),
    ...hang(question.explanation, `${indent}Why: `, width),
  ];
}

/** `pixel learn <topic> --quiz`, piped or --plain: every question, and with --answers the answers. */
export function formatQuiz(
  lesson: { id: string; title: string },
  questions: readonly QuizQuestion[],
  options: QuizFormatOptions & { answers: boolean },
): string {
  const { chalk, width } = options;
  const title = `Quick check: ${lesson.title}`;
  const out = [
    ...wrapText(title, width).map((line) => chalk.bold.cyan(line)),
    chalk.cyan('═'.repeat(Math.min(width, textWidth(title)))),
  ];
  const how = options.answers
    ? `${questions.length} questions, each followed by its answer and why.`
    : `${questions.length} questions. In a terminal, pixel learn ${lesson.id} --quiz asks them ` +
      `one at a time and records your score; --answers prints the answers.`;
  out.push(...wrapText(how, width).map((line) => chalk.dim(line)), '');
  questions.forEach((question, index) => {
    out.push(...formatQuestionLines(question, index + 1, options));
    if (options.answers) out.push(...formatAnswerLines(question, '   ', options));
    out.push('');
  });
  return `${out.join('\n')}`;
}

/** The quick check at the end of a lesson page: the questions, and how to answer them. */
export function formatQuickCheck(
  lesson: { id: string },
  questions: readonly QuizQuestion[],
  options: QuizFormatOptions,
): string {
  if (questions.length === 0) return '';
  const { chalk, width } = options;
  const out = ['', chalk.bold.cyan('Quick check'), chalk.cyan('─'.repeat(Math.min(width, 11)))];
  questions.forEach((question, index) => {
    out.push(...formatQuestionLines(question, index + 1, options), '');
  });
  const how = `Answer them here: pixel learn ${lesson.id} --quiz (the answers: --quiz --answers)`;
  out.push(...wrapText(how, width).map((line) => chalk.dim(line)));
  return `${out.join('\n')}\n`;
}
