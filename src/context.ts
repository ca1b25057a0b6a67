import type { PixelPaths } from './shared/io/paths.js';
import type { ExitCodeValue, StopSignal } from './errors.js';

/** Where a command writes: stdout is the product, stderr is for progress and warnings. */
export interface OutputStream {
  write(text: string): void;
  /** True when a person is watching: colour, spinners, pagers and ink are allowed. */
  readonly isTTY: boolean;
  /** Width to wrap text to. */
  readonly columns: number;
  /** Height of the screen, for deciding whether to page. */
  readonly rows: number;
  /**
   * Writes text and resolves whether a reader took all of it: false when a pipe's reader left
   * early (`pixel learn gd | head -1`). Streams that cannot tell (test captures) leave it out.
   */
  writeAll?(text: string): Promise<boolean>;
}

/**
 * Everything a command needs from the outside world, passed in so that commands can be run by
 * tests with a temporary PIXEL_HOME, fake streams and a frozen clock.
 */
export interface Context {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Whether stdout may carry colour (NO_COLOR, FORCE_COLOR, --no-color and TTY resolved). */
  readonly color: boolean;
  /** Whether stderr may carry colour. */
  readonly stderrColor: boolean;
  readonly paths: PixelPaths;
  /** pixel's own version, for the User-Agent and workspace markers. */
  readonly version: string;
  now(): Date;
  /**
   * Prints `pixel: warning: ...` on stderr. A function, not a method: commands hand it on
   * detached (`loadProgress(context.paths, context.warn)`), so it may not rely on `this`.
   */
  warn: (message: string) => void;
  /**
   * Catches SIGINT, SIGTERM and SIGHUP while work that must be cleaned up runs (a sandboxed
   * solution): the signal aborts `signal` (its reason is the signal's name) instead of killing
   * pixel. Commands that never call this keep the default: the signal ends them at once.
   */
  guardSignals(): SignalGuard;
  /**
   * Set inside an interactive screen (pixel watch): the keys that do what a command's advice
   * would otherwise tell the learner to type, so it says "press h", not "run pixel hint".
   */
  readonly keys?: { readonly hint?: string; readonly submit?: string };
  /** The exit code the process ends with when the command returns normally. */
  exitCode: ExitCodeValue;
  /** Whether standard input is a terminal (keys can be read, as the feed reader does). */
  readonly stdinIsTTY: boolean;
  /** All of standard input as text (`pixel feed import -`); tests hand in a string. */
  readStdin(): Promise<string>;
  /** Opens an http(s) address in the user's browser, never through a shell; tests record it. */
  openUrl(url: string): Promise<void>;
}

export interface SignalGuard {
  readonly signal: AbortSignal;
  /** Restores the default handling once nothing is left to clean up. */
  release(): void;
}

/** Reads which signal aborted a guard. */
export function stopSignalOf(signal: AbortSignal): StopSignal | undefined {
  return signal.aborted ? (signal.reason as StopSignal) : undefined;
}
