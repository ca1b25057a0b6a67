import { createInterface } from 'node:readline';

/**
 * Asks a yes/no question on the terminal (the question on stderr, so stdout stays the
 * product) and resolves true only for an answer starting with y. Ctrl-D or Ctrl-C is a no.
 */
export function askYesNo(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    prompt.on('SIGINT', () => prompt.close());
    prompt.on('close', () => {
      if (!answered) process.stderr.write('\n');
      resolve(answered);
    });
    prompt.question(`${question} [y/N] `, (answer) => {
      answered = /^\s*y/i.test(answer);
      prompt.close();
    });
  });
}
