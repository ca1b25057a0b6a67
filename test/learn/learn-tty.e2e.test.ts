import { spawn, spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtLessons } from '../../src/learn/io/lessons.js';
import { makeTempDir, PIXEL_BIN } from '../helpers/run-pixel.js';

/**
 * pixel in a real terminal: util-linux `script` gives the child a pseudo-terminal, so stdout is
 * a TTY and the pager logic runs for real. $PAGER is a `sed` that marks every line it passes,
 * which shows whether the text went through the pager without anyone pressing keys.
 */
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

interface TtyRun {
  code: number | null;
  output: string;
}

function runInTerminal(args: string[], env: Record<string, string>): Promise<TtyRun> {
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  const command = [process.execPath, PIXEL_BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm', LANG: 'C.UTF-8', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.replace(/\r\n/g, '\n') });
    });
    child.stdin.end();
  });
}

let home: { dir: string; cleanup: () => Promise<void> };
let title = '';
beforeEach(async () => {
  home = await makeTempDir('pixel-e2e-tty-');
  const { lessons } = await builtLessons().index();
  title = lessons.find((lesson) => lesson.id === 'mse')?.title ?? 'lesson mse is not built';
});
afterEach(() => home.cleanup());

const MARK_LINES = 'sed "s/^/paged: /"';

describe.skipIf(!hasScript)('pixel learn in a terminal', () => {
  it('pages a long lesson through $PAGER, in colour', async () => {
    const run = await runInTerminal(['learn', 'mse'], { PIXEL_HOME: home.dir, PAGER: MARK_LINES });
    expect(run.code).toBe(0);
    expect(run.output.startsWith(`paged: \u001b[1m\u001b[36m${title}`)).toBe(true);
    expect(
      run.output
        .trimEnd()
        .split('\n')
        .every((line) => line.startsWith('paged: ')),
    ).toBe(true);
  });

  it('does not page with --no-pager, and has no colour with NO_COLOR', async () => {
    const run = await runInTerminal(['learn', 'mse', '--no-pager'], {
      PIXEL_HOME: home.dir,
      PAGER: MARK_LINES,
      NO_COLOR: '1',
    });
    expect(run.code).toBe(0);
    expect(run.output.startsWith(`${title}\n`)).toBe(true);
    expect(run.output).not.toContain('paged: ');
    expect(run.output).not.toContain('\u001b[');
  });

  it('prints the lesson itself when the pager cannot start', async () => {
    const run = await runInTerminal(['learn', 'mse'], {
      PIXEL_HOME: home.dir,
      PAGER: 'pixel-no-such-pager 2>/dev/null',
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain(title);
  });
});
