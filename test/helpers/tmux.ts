import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether tmux is installed: the tests that drive a pseudo-terminal skip without it. */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export interface TmuxScreen {
  /** Types keys, as tmux send-keys names them ('0.25', 'Enter', 'Escape'). */
  send(...keys: string[]): Promise<void>;
  /** What the terminal shows now, as plain text. */
  screen(): Promise<string>;
  /** Resolves once the screen shows `needle`; fails after the timeout with the screen. */
  waitFor(needle: string | RegExp, timeoutMs?: number): Promise<string>;
  /** What the terminal shows now, with the escape sequences of its colours. */
  screenWithColours(): Promise<string>;
  /** Changes the terminal's size, as a person dragging the window does. */
  resize(columns: number, rows: number): Promise<void>;
  /** Ends the session and its server. */
  close(): Promise<void>;
}

const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * Runs a command in a real pseudo-terminal: a tmux server of its own (a socket in `dir`, so
 * it never touches anyone else's tmux), one window of the given size. The command's exit code
 * is printed as `[exit N]` and the pane stays open, so a test can read the last screen.
 */
export async function startInTmux(
  argv: string[],
  options: {
    dir: string;
    env: Record<string, string>;
    columns?: number;
    rows?: number;
    /** Start from an empty environment (the test runner's NO_COLOR and FORCE_COLOR left out). */
    clearEnv?: boolean;
  },
): Promise<TmuxScreen> {
  const socket = join(options.dir, 'tmux.sock');
  const tmux = (...args: string[]) => run('tmux', ['-S', socket, ...args]);
  const env = Object.entries(options.env).map(([key, value]) => `${key}=${quote(value)}`);
  const command = `env ${options.clearEnv ? '-i ' : ''}${env.join(' ')} ${argv.map(quote).join(' ')}; echo "[exit $?]"; sleep 600`;
  await tmux(
    'new-session',
    '-d',
    '-s',
    'pixel',
    '-x',
    String(options.columns ?? 100),
    '-y',
    String(options.rows ?? 30),
    command,
  );
  let last = '';
  const screen = async () => {
    last = (await tmux('capture-pane', '-p', '-t', 'pixel')).stdout;
    return last;
  };
  return {
    send: async (...keys) => {
      await tmux('send-keys', '-t', 'pixel', ...keys);
    },
    screen,
    screenWithColours: async () => (await tmux('capture-pane', '-p', '-e', '-t', 'pixel')).stdout,
    resize: async (columns, rows) => {
      await tmux('resize-window', '-t', 'pixel', '-x', String(columns), '-y', String(rows));
    },
    waitFor: async (needle, timeoutMs = 30_000) => {
      const started = Date.now();
      const found = (text: string) =>
        typeof needle === 'string' ? text.includes(needle) : needle.test(text);
      while (!found(await screen())) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(`timed out waiting for ${String(needle)}; the screen:\n${last}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return last;
    },
    close: async () => {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
