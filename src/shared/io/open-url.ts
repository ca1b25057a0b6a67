/**
 * Opens an address in the user's browser: `$BROWSER` (a `:`-separated list of programs, as
 * Debian's sensible-browser reads it), else the platform's opener (`open` on macOS, `xdg-open`
 * elsewhere, `rundll32` on Windows). The program is run directly with the address as its one
 * argument, never through a shell, and only for http(s) addresses, so a hostile link cannot
 * become a command.
 */
import { spawn } from 'node:child_process';
import { PixelError } from '../../errors.js';
import { quoted } from '../core/sanitize.js';

const HTTP_URL = /^https?:\/\/[\u0021-\u007e]+$/;

function openers(env: NodeJS.ProcessEnv): [string, string[]][] {
  const fromEnv = (env.BROWSER ?? '')
    .split(':')
    .map((entry) => entry.trim())
    // `firefox %s` style entries want a shell to fill in; pixel passes the address itself.
    .filter((entry) => entry && !/\s/.test(entry))
    .map((program): [string, string[]] => [program, []]);
  if (process.platform === 'darwin') return [...fromEnv, ['open', []]];
  if (process.platform === 'win32') {
    return [...fromEnv, ['rundll32', ['url.dll,FileProtocolHandler']]];
  }
  return [...fromEnv, ['xdg-open', []]];
}

function run(program: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: 'ignore', detached: true, shell: false });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

export async function openUrl(url: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!HTTP_URL.test(url)) {
    throw new PixelError(`pixel opens only http(s) addresses, not ${quoted(url)}`);
  }
  for (const [program, args] of openers(env)) {
    if (await run(program, [...args, url])) return;
  }
  throw new PixelError('could not start a browser', {
    hint: `install xdg-utils or set BROWSER to your browser's program; the address is ${url}`,
  });
}
