/**
 * The one error boundary: runs the program, turns every error into `pixel: ...` / `hint: ...`
 * on stderr and an exit code, and is the only place that calls process.exit.
 */
import { CommanderError } from 'commander';
import type { Context } from './context.js';
import { ExitCode, PixelError, type ExitCodeValue } from './errors.js';
import { createProcessContext, stdoutIsFile } from './process-context.js';
import { prebuiltHelp } from './prebuilt-help.js';
import { createProgram } from './program.js';

// Static imports on purpose: the build puts all of pixel's code in one CommonJS file, so an
// import here costs no extra file to load (docs/architecture.md, "Start-up"). `--version` never gets here:
// bin/pixel.js answers it.

/** commander errors that are not mistakes: help or the version was asked for and shown. */
const COMMANDER_SUCCESS = new Set([
  'commander.helpDisplayed',
  'commander.version',
  'commander.help',
]);

/** `pixel: <message>` and, when there is one, `hint: <what to do>`: the only error format. */
export function formatError(message: string, hint: string | undefined, color: boolean): string {
  const red = (text: string) => (color ? `\u001b[31m${text}\u001b[39m` : text);
  const dim = (text: string) => (color ? `\u001b[2m${text}\u001b[22m` : text);
  return `${red('pixel:')} ${message}\n${hint ? `${dim('hint:')} ${hint}\n` : ''}`;
}

export function exitCodeForError(error: unknown, context: Context): ExitCodeValue {
  const debug = context.env.PIXEL_DEBUG === '1';
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  if (error instanceof CommanderError) {
    // Help or the version, already printed; usage errors arrive as UsageErrors (program.ts).
    return COMMANDER_SUCCESS.has(error.code) ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof PixelError) {
    context.stderr.write(formatError(error.message, error.hint, context.stderrColor) + stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  context.stderr.write(
    formatError(
      `internal error: ${message}`,
      debug
        ? undefined
        : 'this is a bug in pixel: run again with PIXEL_DEBUG=1 and report what it prints',
      context.stderrColor,
    ) + stack,
  );
  return ExitCode.failed;
}

async function main(argv: string[]): Promise<ExitCodeValue> {
  const context = createProcessContext(argv);
  try {
    // A bare `pixel` is a request for orientation, not a mistake: help on stdout, exit 0.
    const words = argv.length === 0 ? ['--help'] : argv;
    const help = prebuiltHelp(words, context);
    if (help !== undefined) {
      context.stdout.write(help);
      return ExitCode.ok;
    }
    await createProgram(context, { firstWord: words[0] }).parseAsync(words, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return exitCodeForError(error, context);
  }
}

// A reader that stops early (`pixel learn mlops | head`) closes the pipe: that is not an error.
// A regular file has no reader to leave, and is written without process.stdout (process-context.ts).
if (!stdoutIsFile()) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok);
    throw error;
  });
}

// No top-level await: the bundle is CommonJS.
void main(process.argv.slice(2)).then((code) => {
  // Let buffered output drain before exiting (writes to a regular file are synchronous);
  // lingering handles (sockets, timers) must not keep a finished command alive.
  if (stdoutIsFile()) process.exit(code);
  else process.stdout.write('', () => process.exit(code));
});
