import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';

/** Asks the learner before a step that replaces their work; tests pass their own answer. */
export type Confirm = (question: string) => Promise<boolean>;

/**
 * --yes goes ahead; a terminal is asked; anything else (a script, a pipe) must say --yes, so
 * nothing is replaced because stdin happened to hold a "y".
 */
export async function confirmStep(
  question: string,
  options: { yes?: boolean; command: string },
  context: Context,
  confirm?: Confirm,
): Promise<boolean> {
  if (options.yes) return true;
  if (!context.stdinIsTTY && !confirm) {
    throw new UsageError(`${options.command} asks before it goes ahead, and this is no terminal`, {
      hint: `add --yes: ${options.command} --yes`,
    });
  }
  const ask = confirm ?? (await import('../io/confirm.js')).askYesNo;
  return ask(question);
}
