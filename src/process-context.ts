import { fstatSync, statSync, writeSync } from 'node:fs';
import { ExitCode, STOP_SIGNALS, type StopSignal } from './errors.js';
import type { Context, OutputStream, SignalGuard } from './context.js';
import { resolvePaths } from './shared/io/paths.js';
import { colorEnabled } from './shared/ui/color.js';

declare const __PIXEL_VERSION__: string;
/** Injected by the build from package.json; tests running the sources see 'dev'. */
export const PIXEL_VERSION = typeof __PIXEL_VERSION__ === 'string' ? __PIXEL_VERSION__ : 'dev';

/**
 * How long a pipe's reader has to leave before the last byte is written. A reader that stops
 * early (`head -1`) has read its fill and exited by then; one that reads to the end (`cat`,
 * `less`, a test's capture) is still there. Pages fit in the pipe's buffer, so without the
 * held-back byte every write would succeed whoever reads.
 */
const READER_GRACE_MS = 50;

/** Whether the stream writes into a pipe or socket, whose reader can go away. */
function isPipe(stream: NodeJS.WriteStream): boolean {
  try {
    const info = fstatSync((stream as { fd?: number }).fd ?? 1);
    return info.isFIFO() || info.isSocket();
  } catch {
    return false;
  }
}

function writeFully(stream: NodeJS.WriteStream, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    stream.write(text, (error) => resolve(!error));
  });
}

/**
 * The stream is asked for on first use, not at start: node builds process.stderr (and
 * process.stdin) on first access, and building one loads node's stream modules, or tty and net
 * for a terminal, which a command that never writes there should not pay for
 * (docs/architecture.md, "Start-up").
 */
function streamOf(streamNow: () => NodeJS.WriteStream, env: NodeJS.ProcessEnv): OutputStream {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  return {
    write: (text) => {
      streamNow().write(text);
    },
    writeAll: async (text) => {
      const stream = streamNow();
      if (stream.isTTY || text.length < 2 || !isPipe(stream)) return writeFully(stream, text);
      if (!(await writeFully(stream, text.slice(0, -1)))) return false;
      await new Promise((resolve) => setTimeout(resolve, READER_GRACE_MS));
      return writeFully(stream, text.slice(-1));
    },
    get isTTY() {
      return Boolean(streamNow().isTTY);
    },
    get columns() {
      const stream = streamNow();
      return stream.isTTY && stream.columns ? stream.columns : fromEnv > 0 ? fromEnv : 80;
    },
    get rows() {
      const stream = streamNow();
      return stream.isTTY && stream.rows ? stream.rows : 24;
    },
  };
}

let stdoutFile: boolean | undefined;

/**
 * Whether stdout is a regular file (`pixel learn mlops > notes.txt`) or /dev/null (`pixel feed
 * --refresh > /dev/null` from a cron job). Such a stdout is written with fs.writeSync, as node's
 * own SyncWriteStream would, without building process.stdout: that loads node's twenty stream
 * modules (docs/architecture.md, "Start-up"). A file is never a reader that leaves early, and
 * every write to it has finished when it returns. /dev/null is known by its device number: a
 * terminal is a character device too, and asking tty.isatty would load tty and net.
 */
export function stdoutIsFile(): boolean {
  if (stdoutFile === undefined) {
    try {
      const info = fstatSync(1);
      stdoutFile =
        info.isFile() || (info.isCharacterDevice() && info.rdev === statSync('/dev/null').rdev);
    } catch {
      stdoutFile = false;
    }
  }
  return stdoutFile;
}

function fileStream(fd: number, env: NodeJS.ProcessEnv): OutputStream {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  return {
    write: (text) => {
      writeSync(fd, text);
    },
    writeAll: (text) => {
      writeSync(fd, text);
      return Promise.resolve(true);
    },
    isTTY: false,
    columns: fromEnv > 0 ? fromEnv : 80,
    rows: 24,
  };
}

/**
 * One abort controller for the process, armed while at least one guard is held: the first
 * SIGINT, SIGTERM or SIGHUP aborts every guard (nested guards, as in watch → submit, share it).
 */
function signalGuards(): () => SignalGuard {
  let holders = 0;
  // Made by the first guard: node loads AbortController on first use, and most commands hold none.
  let controller: AbortController | undefined;
  const onSignal = (name: StopSignal) => controller?.abort(name);
  const handlers = STOP_SIGNALS.map((name) => [name, () => onSignal(name)] as const);
  return () => {
    if (holders === 0) {
      if (!controller || controller.signal.aborted) controller = new AbortController();
      for (const [name, handler] of handlers) process.on(name, handler);
    }
    holders++;
    let released = false;
    const { signal } = controller as AbortController;
    return {
      signal,
      release: () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) for (const [name, handler] of handlers) process.off(name, handler);
      },
    };
  };
}

/** The real context of a pixel process. */
export function createProcessContext(argv: readonly string[]): Context {
  const env = process.env;
  const noColorFlag = argv.includes('--no-color');
  const stdout = stdoutIsFile() ? fileStream(1, env) : streamOf(() => process.stdout, env);
  const stderr = streamOf(() => process.stderr, env);
  let stderrColor: boolean | undefined;
  const stderrColorNow = () =>
    (stderrColor ??= colorEnabled({ env, isTTY: stderr.isTTY, noColorFlag }));
  return {
    cwd: process.cwd(),
    env,
    stdout,
    stderr,
    color: colorEnabled({ env, isTTY: stdout.isTTY, noColorFlag }),
    get stderrColor() {
      return stderrColorNow();
    },
    paths: resolvePaths(env),
    version: PIXEL_VERSION,
    now: () => new Date(),
    warn: (message) => {
      const label = stderrColorNow() ? '\u001b[33mpixel: warning:\u001b[39m' : 'pixel: warning:';
      stderr.write(`${label} ${message}\n`);
    },
    guardSignals: signalGuards(),
    exitCode: ExitCode.ok,
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    readStdin: async () => (await import('./shared/io/read-stdin.js')).readStdin(process.stdin),
    openUrl: async (url) => (await import('./shared/io/open-url.js')).openUrl(url, env),
  };
}
