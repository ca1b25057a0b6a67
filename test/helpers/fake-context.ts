import { ExitCode } from '../../src/errors.js';
import type { Context, OutputStream } from '../../src/context.js';
import { resolvePaths } from '../../src/shared/io/paths.js';

export interface CapturedStream extends OutputStream {
  text: string;
}

export function captureStream(
  options: { isTTY?: boolean; columns?: number; rows?: number } = {},
): CapturedStream {
  const stream = {
    text: '',
    isTTY: options.isTTY ?? false,
    columns: options.columns ?? 80,
    rows: options.rows ?? 24,
    write(chunk: string) {
      stream.text += chunk;
    },
  };
  return stream;
}

/** A context for calling commands directly: a temporary PIXEL_HOME, captured streams, a frozen clock. */
export function fakeContext(
  home: string,
  overrides: Partial<Omit<Context, 'stdout' | 'stderr'>> & {
    stdout?: CapturedStream;
    stderr?: CapturedStream;
  } = {},
): Context & { stdout: CapturedStream; stderr: CapturedStream; warnings: string[] } {
  const env = { PIXEL_HOME: home, TZ: 'UTC', ...overrides.env };
  const warnings: string[] = [];
  const stderr = overrides.stderr ?? captureStream();
  return {
    cwd: home,
    color: false,
    stderrColor: false,
    version: '0.0.0-test',
    now: () => new Date('2026-11-27T12:00:00Z'),
    exitCode: ExitCode.ok,
    // A guard nothing aborts; a test that needs Ctrl-C passes its own.
    guardSignals: () => ({ signal: new AbortController().signal, release: () => undefined }),
    stdinIsTTY: false,
    readStdin: () => Promise.resolve(''),
    openUrl: () => Promise.resolve(),
    ...overrides,
    env,
    paths: overrides.paths ?? resolvePaths(env),
    stdout: overrides.stdout ?? captureStream(),
    stderr,
    warnings,
    warn: (message: string) => {
      warnings.push(message);
      stderr.write(`pixel: warning: ${message}\n`);
    },
  };
}
