/**
 * The few error classes pixel throws. Commands throw them; src/main.ts is the only place that
 * turns them into `pixel: ...` / `hint: ...` lines and an exit code.
 */

/** Exit codes shared by every command (DESIGN: contracts). */
export const ExitCode = {
  ok: 0,
  /** Judged and not accepted, or some requested work failed. */
  failed: 1,
  /** Usage or input error: unknown topic, bad flag, no workspace, invalid file. */
  usage: 2,
  /** Environment error: a runtime such as python3 missing, no network and no cache. */
  environment: 3,
  /** Ended by a signal: 128 + its number, as shells report it. */
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface PixelErrorOptions {
  /** What the user can do next; printed as `hint: ...`. */
  hint?: string;
  exitCode?: ExitCodeValue;
  cause?: unknown;
}

/** An error the user can act on. */
export class PixelError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;

  constructor(message: string, options: PixelErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PixelError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.failed;
  }
}

/** Bad input from the user: exit 2. */
export class UsageError extends PixelError {
  constructor(message: string, options: Omit<PixelErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.usage });
    this.name = 'UsageError';
  }
}

/** Something missing from the machine (a runtime, the network): exit 3. */
export class EnvironmentError extends PixelError {
  constructor(message: string, options: Omit<PixelErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.environment });
    this.name = 'EnvironmentError';
  }
}

/** Content shipped with pixel (a lesson, a problem) is invalid; lists every issue at once. */
export class ContentError extends PixelError {
  readonly issues: readonly string[];

  constructor(file: string, issues: readonly string[]) {
    super(`invalid content in ${file}:\n  ${issues.join('\n  ')}`, {
      hint: 'this is a bug in pixel or a damaged install: reinstall pixel, or report it',
      exitCode: ExitCode.usage,
    });
    this.name = 'ContentError';
    this.issues = issues;
  }
}

const SIGNAL_EXIT_CODES = {
  SIGHUP: ExitCode.hangup,
  SIGINT: ExitCode.interrupted,
  SIGTERM: ExitCode.terminated,
} as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;
export const STOP_SIGNALS = Object.keys(SIGNAL_EXIT_CODES) as StopSignal[];

/** The run was stopped by a signal (Ctrl-C, a closed terminal, kill): one line, exit 128 + n. */
export class InterruptedError extends PixelError {
  constructor(signal: StopSignal, what: string) {
    super(`stopped by ${signal}: ${what}`, { exitCode: SIGNAL_EXIT_CODES[signal] });
    this.name = 'InterruptedError';
  }
}
