/**
 * The interactive quiz's logic, pure: what each key means (keymap) and how the state changes
 * (reducer). The ink view draws the state and forwards keys, so all of this is tested without
 * a terminal.
 */
import type { Key } from 'ink';
import { CHOICE_LETTERS, gradeAnswer, isChoiceQuestion, type QuizQuestion } from '../core/quiz.js';

export interface QuizResponse {
  /** What the learner typed or picked (a letter for a choice). */
  given: string;
  right: boolean;
}

export interface QuizState {
  questions: readonly QuizQuestion[];
  /** The question on screen. */
  index: number;
  /** Asking: waiting for an answer; answered: showing right or wrong and why; done: the score. */
  phase: 'asking' | 'answered' | 'done';
  /** Text typed so far for a number question. */
  typed: string;
  /** Highlighted choice of a multiple-choice question (moved with the arrows). */
  cursor: number;
  /** Why the last answer could not be read ("type a number"), until the next key. */
  problem?: string;
  responses: QuizResponse[];
  /** Set when the screen should close: finished (the score counts) or quit half-way. */
  outcome?: { finished: boolean };
}

export type QuizAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'move'; by: number }
  /** Enter: answer (the typed number or highlighted choice), or go on after an answer. */
  | { type: 'submit' }
  | { type: 'quit' };

/** The keys of ink's Key the keymap reads (partial, so tests name only the ones pressed). */
export type QuizKey = Partial<
  Pick<
    Key,
    'upArrow' | 'downArrow' | 'return' | 'escape' | 'backspace' | 'delete' | 'ctrl' | 'meta' | 'tab'
  >
>;

export function initialQuizState(questions: readonly QuizQuestion[]): QuizState {
  return { questions, index: 0, phase: 'asking', typed: '', cursor: 0, responses: [] };
}

/**
 * Keys → actions. A terminal may deliver several keys in one read (a paste, a fast typist, a
 * remote session): ink then passes the whole burst as one input with no key flags, so the
 * burst is split here, Enter and Backspace included, and every key counts.
 */
export function quizKeymap(input: string, key: QuizKey): QuizAction[] {
  if (key.ctrl && (input === 'c' || input === 'd')) return [{ type: 'quit' }];
  if (key.escape) return [{ type: 'quit' }];
  if (key.return) return [{ type: 'submit' }];
  if (key.upArrow) return [{ type: 'move', by: -1 }];
  if (key.downArrow || key.tab) return [{ type: 'move', by: 1 }];
  if (key.backspace || key.delete) return [{ type: 'erase' }];
  if ((key.ctrl || key.meta) && [...input].length <= 1) return [];
  const actions: QuizAction[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') actions.push({ type: 'type', text });
    text = '';
  };
  for (const char of input) {
    if (char === '\r' || char === '\n') {
      flush();
      actions.push({ type: 'submit' });
    } else if (char === '\u007f' || char === '\b') {
      flush();
      actions.push({ type: 'erase' });
    } else if (char >= ' ') text += char;
  }
  flush();
  return actions;
}

/** The score so far: right answers of those given. */
export function quizScore(state: QuizState): { score: number; total: number } {
  return {
    score: state.responses.filter((response) => response.right).length,
    total: state.questions.length,
  };
}

function answer(state: QuizState, given: string): QuizState {
  const question = state.questions[state.index];
  if (!question) return state;
  const grade = gradeAnswer(question, given);
  if (grade.kind === 'unreadable') return { ...state, problem: grade.reason };
  const responses = [...state.responses, { given: given.trim(), right: grade.kind === 'right' }];
  return { ...state, phase: 'answered', problem: undefined, responses };
}

function next(state: QuizState): QuizState {
  const index = state.index + 1;
  if (index >= state.questions.length) return { ...state, phase: 'done' };
  return { ...state, index, phase: 'asking', typed: '', cursor: 0, problem: undefined };
}

/** Keys typed while a question is asked: a letter answers a choice; text builds a number. */
function typeWhileAsking(state: QuizState, question: QuizQuestion, text: string): QuizState {
  if (isChoiceQuestion(question)) {
    // Each key is an answer on its own, so a burst ("bq") is taken one key at a time.
    const [first = '', ...rest] = [...text];
    if (first.toLowerCase() === 'q') return { ...state, outcome: { finished: false } };
    const after = answer(state, first);
    return rest.length > 0 ? quizReducer(after, { type: 'type', text: rest.join('') }) : after;
  }
  if (state.typed === '' && text.toLowerCase() === 'q') {
    return { ...state, outcome: { finished: false } };
  }
  return { ...state, typed: state.typed + text, problem: undefined };
}

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  if (state.outcome) return state;
  if (action.type === 'quit') return { ...state, outcome: { finished: false } };
  if (state.phase === 'done') {
    const closes = action.type === 'submit' || (action.type === 'type' && /q/i.test(action.text));
    return closes ? { ...state, outcome: { finished: true } } : state;
  }
  if (state.phase === 'answered') {
    if (action.type === 'submit' || (action.type === 'type' && action.text.includes(' '))) {
      return next(state);
    }
    if (action.type === 'type' && /^q$/i.test(action.text)) {
      return { ...state, outcome: { finished: false } };
    }
    return state;
  }
  const question = state.questions[state.index];
  if (!question) return state;
  switch (action.type) {
    case 'type':
      return typeWhileAsking(state, question, action.text);
    case 'erase':
      return { ...state, typed: [...state.typed].slice(0, -1).join(''), problem: undefined };
    case 'move': {
      if (!isChoiceQuestion(question)) return state;
      const count = question.choices.length;
      return { ...state, cursor: (state.cursor + action.by + count) % count };
    }
    case 'submit':
      if (isChoiceQuestion(question)) return answer(state, CHOICE_LETTERS[state.cursor] ?? 'a');
      return state.typed.trim() === ''
        ? { ...state, problem: 'type a number, then Enter' }
        : answer(state, state.typed);
  }
}
