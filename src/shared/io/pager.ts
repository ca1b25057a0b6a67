import { textWidth } from '../core/text-width.js';
import { stripSgr } from '../core/sanitize.js';

/**
 * Shows long text through the user's pager, as git does: `$PAGER`, else `less -R`, with
 * `LESS=FRX` when LESS is unset (F: quit at once if it fits one screen, R: pass colours,
 * X: leave the text on screen after quitting).
 */

export interface PageDecision {
  /** Whether stdout is a terminal (never page into a pipe or a file). */
  isTTY: boolean;
  /** False when the user said --no-pager. */
  pager: boolean | undefined;
  rows: number;
  columns: number;
}

/** True when the text is meant for a person and is taller than their screen. */
export function shouldPage(text: string, decision: PageDecision): boolean {
  if (!decision.isTTY || decision.pager === false) return false;
  const columns = Math.max(1, decision.columns);
  let rows = 0;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    // A line wider than the screen (a long code line) takes several rows.
    rows += Math.max(1, Math.ceil(textWidth(stripSgr(line)) / columns));
    if (rows >= decision.rows) return true;
  }
  return false;
}

/**
 * Pages text meant for a person that is taller than their screen; true when the pager showed
 * it, false when the caller should print it (piped, --no-pager, short, or no pager to start).
 */
export async function pageIfTall(
  text: string,
  options: {
    stdout: { isTTY: boolean; rows: number; columns: number };
    pager: boolean | undefined;
    env: NodeJS.ProcessEnv;
    page?: typeof pageText;
  },
): Promise<boolean> {
  const { stdout } = options;
  const tall = shouldPage(text, {
    isTTY: stdout.isTTY,
    pager: options.pager,
    rows: stdout.rows,
    columns: stdout.columns,
  });
  return tall && (await (options.page ?? pageText)(text, options.env));
}

/**
 * Pipes `text` into the pager and waits for the user to quit it. Returns false, having shown
 * nothing, when the pager cannot be started (not installed, a typo in $PAGER), so the caller
 * can print the text directly instead.
 */
export async function pageText(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  // Windows has no less by default, and cmd.exe reports a missing command with an exit code
  // that cannot be told from the pager's own: page there only through a chosen $PAGER.
  if (process.platform === 'win32' && !env.PAGER?.trim()) return false;
  const command = env.PAGER?.trim() || 'less -R';
  // Loaded only when paging: child_process pulls in node:net, a cost every piped run would pay.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    // While the pager runs, Ctrl-C belongs to it (less uses it to stop a search).
    const ignoreInterrupt = () => undefined;
    process.on('SIGINT', ignoreInterrupt);
    const done = (shown: boolean) => {
      process.off('SIGINT', ignoreInterrupt);
      resolve(shown);
    };
    let child;
    try {
      child = spawn(command, {
        shell: true,
        stdio: ['pipe', 'inherit', 'inherit'],
        env: { ...env, LESS: env.LESS ?? 'FRX' },
      });
    } catch {
      done(false);
      return;
    }
    child.on('error', () => done(false));
    // 126/127: the shell could not find or run the pager, so nothing was shown.
    child.on('close', (code) => done(code !== 126 && code !== 127));
    // The user may quit before reading everything: a closed pipe is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}
