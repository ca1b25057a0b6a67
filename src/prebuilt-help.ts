/**
 * pixel's top-level help as the build rendered it (scripts/content-help.ts): the same program's
 * `--help` at the width a file or a pipe gets, without colour. Printing it spares building all
 * fourteen commands and formatting their help on every `pixel --help | less` or bare `pixel > x`
 * (docs/architecture.md, "Start-up").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from './context.js';

/** The width the build renders at: what a file or a pipe gets unless COLUMNS says otherwise. */
export const PREBUILT_HELP_WIDTH = 80;
export const PREBUILT_HELP_FILE = `help.${PREBUILT_HELP_WIDTH}.txt`;

const ASKS_FOR_HELP: ReadonlySet<string> = new Set(['--help', '-h']);

/**
 * The prebuilt page when `words` ask for the top-level help alone and this output is the one it
 * was rendered for; undefined otherwise, and commander renders the help as usual.
 */
export function prebuiltHelp(
  words: readonly string[],
  context: Context,
  // Beside the bundle (dist/); from the sources there is none.
  folder: string = import.meta.dirname,
): string | undefined {
  if (words.length !== 1 || !ASKS_FOR_HELP.has(words[0] ?? '')) return undefined;
  if (context.color || context.stdout.isTTY) return undefined;
  if (context.stdout.columns !== PREBUILT_HELP_WIDTH) return undefined;
  try {
    return readFileSync(join(folder, PREBUILT_HELP_FILE), 'utf8');
  } catch {
    return undefined;
  }
}
