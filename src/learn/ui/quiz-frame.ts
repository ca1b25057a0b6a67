import type { ChalkInstance } from 'chalk';
import { answerText, CHOICE_LETTERS, isChoiceQuestion } from '../core/quiz.js';
import { truncateToWidth } from '../../shared/core/text-width.js';
import { wrapText } from '../../shared/core/wrap-text.js';
import { numberPrompt } from './quiz-format.js';
import { quizScore, type QuizState } from './quiz-state.js';

/**
 * One frame of the interactive quiz as text, from the state alone (the ink view only shows
 * this string), so the screen is testable as a plain string and colour stays pixel's choice.
 */

export interface QuizFrameOptions {
  title: string;
  width: number;
  chalk: ChalkInstance;
}

function wrapped(text: string, width: number, indent = ''): string[] {
  return wrapText(text, Math.max(10, width - indent.length)).map((line) => indent + line);
}

function verdictLines(state: QuizState, width: number, chalk: ChalkInstance): string[] {
  const question = state.questions[state.index];
  const response = state.responses[state.index];
  if (!question || !response) return [];
  const head = response.right
    ? chalk.green.bold('✓ Right.')
    : `${chalk.red.bold('✗ Not quite.')} The answer is ${chalk.bold(answerText(question))}.`;
  return [head, ...wrapped(question.explanation, width)];
}

function questionLines(state: QuizState, width: number, chalk: ChalkInstance): string[] {
  const question = state.questions[state.index];
  if (!question) return [];
  const lines = wrapped(question.question, width);
  lines.push('');
  const given = state.responses[state.index]?.given.toLowerCase();
  if (isChoiceQuestion(question)) {
    question.choices.forEach((choice, index) => {
      const letter = CHOICE_LETTERS[index] ?? '?';
      const text = wrapped(choice, width - 5);
      const chosen = state.phase === 'asking' ? index === state.cursor : letter === given;
      const marker = chosen ? chalk.cyan('› ') : '  ';
      text.forEach((line, lineIndex) => {
        const head = lineIndex === 0 ? `${marker}${letter}) ` : '     ';
        lines.push(head + (chosen ? chalk.bold(line) : line));
      });
    });
  } else {
    const typed =
      state.phase === 'asking' ? state.typed : (state.responses[state.index]?.given ?? '');
    const cursor = state.phase === 'asking' ? chalk.inverse(' ') : '';
    const unit = question.unit ? ` ${question.unit}` : '';
    lines.push(`${chalk.dim('Your answer:')} ${chalk.bold(typed)}${cursor}${chalk.dim(unit)}`);
    lines.push(chalk.dim(truncateToWidth(numberPrompt(question), width)));
  }
  return lines;
}

function helpLine(state: QuizState): string {
  if (state.phase === 'done') return 'enter or q: close';
  if (state.phase === 'answered') {
    return state.index + 1 < state.questions.length
      ? 'enter: next question · q: stop'
      : 'enter: see your score · q: stop';
  }
  const question = state.questions[state.index];
  if (question && isChoiceQuestion(question)) {
    const last = CHOICE_LETTERS[question.choices.length - 1] ?? 'a';
    return `a–${last} answer · ↑/↓ and enter · esc stop`;
  }
  return 'type a number, enter to answer · esc stop';
}

export function formatQuizFrame(state: QuizState, options: QuizFrameOptions): string {
  const { chalk } = options;
  const width = Math.max(20, options.width);
  const total = state.questions.length;
  const lines: string[] = [
    chalk.bold.cyan(truncateToWidth(`Quick check: ${options.title}`, width)),
  ];
  if (state.phase === 'done') {
    const { score } = quizScore(state);
    lines.push('', chalk.bold(`Score: ${score} of ${total}`));
    state.questions.forEach((question, index) => {
      const right = state.responses[index]?.right === true;
      const mark = right ? chalk.green('✓') : chalk.red('✗');
      lines.push(`${mark} ${truncateToWidth(`${index + 1}. ${question.question}`, width - 2)}`);
    });
  } else {
    lines.push(chalk.dim(`question ${state.index + 1} of ${total}`), '');
    lines.push(...questionLines(state, width, chalk));
    if (state.phase === 'answered') lines.push('', ...verdictLines(state, width, chalk));
    if (state.problem) lines.push('', chalk.yellow(state.problem));
  }
  lines.push('', chalk.dim(truncateToWidth(helpLine(state), width)));
  return lines.join('\n');
}
