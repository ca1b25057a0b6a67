/**
 * The one error boundary: runs the program, turns every error into `pixel: ...` / `hint: ...`
 * on stderr and an exit code, and is the only place that calls process.exit.
 */
import type { Context } from './context.js';

// main.ts imports nothing at load time: `pixel --version` must cost no more than node's own
// start-up, and every module an ES module graph loads costs ~0.4 ms. Everything else arrives
// by dynamic import once it is needed.
declare const __PIXEL_VERSION__: string;
const VERSION = typeof __PIXEL_VERSION__ === 'string' ? __PIXEL_VERSION__ : 'dev';
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** Exit code of a commander error that is not a usage mistake (help or version shown). */
const COMMANDER_SUCCESS = new Set([
  'commander.helpDisplayed',
  'commander.version',
  'commander.help',
]);

function isCommanderError(error: unknown): error is Error & { code: string; exitCode: number } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}

/**
 * A PixelError, recognised by shape rather than `instanceof`, so that main.ts need not load
 * errors.ts (a separate module to load on every start) just to ask.
 */
function isPixelError(error: unknown): error is Error & { exitCode: number; hint?: string } {
  return (
    error instanceof Error &&
    /^(Pixel|Usage|Environment|Content|Interrupted)Error$/.test(error.name) &&
    typeof (error as { exitCode?: unknown }).exitCode === 'number'
  );
}

function report(context: Context, message: string, hint: string | undefined): void {
  const red = (text: string) => (context.stderrColor ? `\u001b[31m${text}\u001b[39m` : text);
  const dim = (text: string) => (context.stderrColor ? `\u001b[2m${text}\u001b[22m` : text);
  context.stderr.write(`${red('pixel:')} ${message}\n`);
  if (hint) context.stderr.write(`${dim('hint:')} ${hint}\n`);
}

export function exitCodeForError(error: unknown, context: Context): number {
  const debug = context.env.PIXEL_DEBUG === '1';
  if (isCommanderError(error)) {
    // commander has already printed its message through configureOutput (see program.ts).
    return COMMANDER_SUCCESS.has(error.code) ? EXIT_OK : EXIT_USAGE;
  }
  if (isPixelError(error)) {
    report(context, error.message, error.hint);
    if (debug && error.stack) context.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  report(
    context,
    `internal error: ${message}`,
    debug
      ? undefined
      : 'this is a bug in pixel: run again with PIXEL_DEBUG=1 and report what it prints',
  );
  if (debug && error instanceof Error && error.stack) context.stderr.write(`${error.stack}\n`);
  return EXIT_FAILED;
}

async function main(argv: string[]): Promise<number> {
  // The fastest path: `pixel --version` needs neither commander nor any command.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  // One import brings the context and the program: each module loaded costs start-up.
  const { createProgram, createProcessContext } = await import('./program.js');
  const context = createProcessContext(argv);
  try {
    // A bare `pixel` is a request for orientation, not a mistake: help on stdout, exit 0.
    await createProgram(context).parseAsync(argv.length === 0 ? ['--help'] : argv, {
      from: 'user',
    });
    return context.exitCode;
  } catch (error) {
    return exitCodeForError(error, context);
  }
}

// A reader that stops early (`pixel learn mlops | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
  throw error;
});

const code = await main(process.argv.slice(2));
// Let buffered output drain before exiting; lingering handles (sockets, timers) must not keep
// a finished command alive.
process.stdout.write('', () => process.exit(code));
