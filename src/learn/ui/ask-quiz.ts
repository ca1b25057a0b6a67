import type { ChalkInstance } from 'chalk';
import type { QuizQuestion } from '../core/quiz.js';
import { loadInk } from '../../shared/ui/load-ink.js';
import { formatQuizFrame } from './quiz-frame.js';
import {
  initialQuizState,
  quizKeymap,
  quizReducer,
  quizScore,
  type QuizState,
} from './quiz-state.js';

/**
 * The interactive quiz (ink): one question at a time, right or wrong with the explanation, the
 * score at the end. Only `pixel learn <topic> --quiz` with a terminal on both ends gets here.
 */

export interface AskQuizOptions {
  title: string;
  chalk: ChalkInstance;
  columns: number;
}

/** The learner's score, or null when they stopped before the last question. */
export type QuizOutcome = { score: number; total: number } | null;

export async function askQuiz(
  questions: readonly QuizQuestion[],
  options: AskQuizOptions,
): Promise<QuizOutcome> {
  const { React, ink } = await loadInk();

  function Quiz({ onDone }: { onDone: (state: QuizState) => void }) {
    const [state, dispatch] = React.useReducer(quizReducer, questions, initialQuizState);
    ink.useInput((input, key) => {
      for (const action of quizKeymap(input, key)) dispatch(action);
    });
    React.useEffect(() => {
      if (state.outcome) onDone(state);
    }, [state, onDone]);
    return React.createElement(
      ink.Text,
      null,
      formatQuizFrame(state, {
        title: options.title,
        width: options.columns,
        chalk: options.chalk,
      }),
    );
  }

  return new Promise((resolve) => {
    let outcome: QuizOutcome = null;
    const instance = ink.render(
      React.createElement(Quiz, {
        onDone: (state: QuizState) => {
          outcome = state.outcome?.finished ? quizScore(state) : null;
          instance.unmount();
        },
      }),
      { exitOnCtrlC: false, patchConsole: false },
    );
    instance.waitUntilExit().then(
      () => resolve(outcome),
      () => resolve(outcome),
    );
  });
}
