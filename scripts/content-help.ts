/**
 * Build step: dist/help.80.txt, pixel's top-level help exactly as `pixel --help` prints it into a
 * file or a pipe (80 columns, no colour), rendered by the same program (src/prebuilt-help.ts
 * copies it out at run time).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import type { Context, OutputStream } from '../src/context.js';
import { PREBUILT_HELP_FILE, PREBUILT_HELP_WIDTH } from '../src/prebuilt-help.js';
import { createProgram } from '../src/program.js';

export async function run({ dist }: { root: string; dist: string }): Promise<void> {
  const printed: string[] = [];
  const stream = (into: string[]): OutputStream => ({
    write: (text) => into.push(text),
    isTTY: false,
    columns: PREBUILT_HELP_WIDTH,
    rows: 24,
  });
  // Only what building the program and printing its help read.
  const context = {
    stdout: stream(printed),
    stderr: stream([]),
    color: false,
    stderrColor: false,
    version: 'build',
  } as unknown as Context;
  try {
    await createProgram(context).parseAsync(['--help'], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError) || error.exitCode !== 0) throw error;
  }
  if (printed.length === 0) throw new Error('content-help: the program printed no help');
  await writeFile(join(dist, PREBUILT_HELP_FILE), printed.join(''));
}
