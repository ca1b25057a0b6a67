import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, PIXEL_BIN, runPixel } from '../helpers/run-pixel.js';
import { hasTmux, startInTmux, type TmuxScreen } from '../helpers/tmux.js';

/** The rough edges a new learner hits, each through the real binary. */
let temp: { dir: string; cleanup: () => Promise<void> };
let env: Record<string, string>;
let screen: TmuxScreen | undefined;
beforeEach(async () => {
  temp = await makeTempDir();
  env = { PIXEL_HOME: join(temp.dir, 'home') };
});
afterEach(async () => {
  await screen?.close();
  screen = undefined;
  await temp.cleanup();
});

const timesRead = async (id: string) => {
  const report = JSON.parse((await runPixel(['progress', '--json'], { env })).stdout) as {
    lessons: { items: Array<{ id: string; timesRead: number }> };
  };
  return report.lessons.items.find((item) => item.id === id)?.timesRead;
};

/** A shell pipeline, as a person types it. */
const shell = (command: string) =>
  spawnSync('sh', ['-c', command], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
  });

describe('reading counts only when a person read it', () => {
  it('not for --json, not when the reader stops early; a whole page through a pipe does', async () => {
    await runPixel(['learn', 'gd', '--json'], { env });
    expect(await timesRead('gradient-descent')).toBe(0);
    const cut = shell(`'${process.execPath}' '${PIXEL_BIN}' learn gd | head -1`);
    expect(cut.stdout).toBe('Gradient descent\n');
    expect(await timesRead('gradient-descent')).toBe(0);
    const whole = shell(`'${process.execPath}' '${PIXEL_BIN}' learn gd | cat > /dev/null`);
    expect(whole.status).toBe(0);
    expect(await timesRead('gradient-descent')).toBe(1);
    await runPixel(['learn', 'gd'], { env });
    expect(await timesRead('gradient-descent')).toBe(2);
  });
});

describe('pixel solve and pixel test --input', () => {
  it('refuses to nest a workspace, and takes a folder that holds only .git', async () => {
    expect((await runPixel(['solve', 'gd', '--dir', 'outer'], { cwd: temp.dir, env })).code).toBe(
      0,
    );
    const nested = await runPixel(['solve', 'gd'], { cwd: join(temp.dir, 'outer'), env });
    expect(nested.code).toBe(2);
    expect(nested.stderr).toBe(
      `pixel: ${join(temp.dir, 'outer', 'gradient-descent')} is inside the workspace ${join(temp.dir, 'outer')}\n` +
        'hint: make it beside that workspace: cd .. first, or give --dir a folder outside it\n',
    );
    await mkdir(join(temp.dir, 'repo', '.git'), { recursive: true });
    const repo = await runPixel(['solve', 'gd', '--dir', 'repo'], { cwd: temp.dir, env });
    expect(repo.code, repo.stderr).toBe(0);
    await writeFile(join(temp.dir, 'repo', 'notes.txt'), 'mine');
    const busy = await runPixel(['solve', 'gd', '--dir', 'repo2'], { cwd: temp.dir, env });
    expect(busy.code).toBe(0);
  });

  it("treats --input '' and --input @ as usage errors that name the option", async () => {
    expect((await runPixel(['solve', 'gd', '--dir', 'ws'], { cwd: temp.dir, env })).code).toBe(0);
    const cwd = join(temp.dir, 'ws');
    const empty = await runPixel(['test', '--input', ''], { cwd, env });
    expect(empty.code).toBe(2);
    expect(empty.stderr.split('\n')[0]).toBe('pixel: --input is empty');
    const at = await runPixel(['test', '--input', '@'], { cwd, env });
    expect(at.code).toBe(2);
    expect(at.stderr.split('\n')[0]).toBe('pixel: --input @ names no file');
    const missing = await runPixel(['test', '--input', '@nope.json'], { cwd, env });
    expect(missing.stderr.split('\n')[0]).toBe('pixel: --input: cannot read the file nope.json');
  });
});

describe.skipIf(!hasTmux)('the lesson picker', () => {
  it('applies a burst of keys: six backspaces sent at once', { timeout: 60_000 }, async () => {
    screen = await startInTmux([process.execPath, PIXEL_BIN, 'learn', '--pick', '--no-pager'], {
      dir: temp.dir,
      env: {
        ...env,
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        TERM: 'xterm-256color',
        LANG: 'C.UTF-8',
        CONTINUOUS_INTEGRATION: 'true',
      },
      columns: 100,
      rows: 30,
    });
    await screen.waitFor('mlops');
    await screen.send('-l', 'mlopsxy');
    await screen.waitFor('mlopsxy');
    // One send-keys: the six arrive together, as a key held down or a fast typist's do.
    await screen.send('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    const text = await screen.waitFor('filter: m\n');
    expect(text).toContain('mse');
    expect(text).toContain('mlops');
  });
});
