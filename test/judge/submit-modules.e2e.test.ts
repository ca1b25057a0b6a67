/**
 * What a submit loads, through Node's own list of the internal modules a process loaded: the
 * judge takes its nonce, token and uid from /dev/urandom (shared/io/kernel-random.ts) so that no
 * judged run pays the ~6 ms of loading node:crypto.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLoadsHook, type Loads } from '../helpers/loads-hook.js';
import { makeTempDir, PIXEL_BIN, REPO_ROOT } from '../helpers/run-pixel.js';

let temp: { dir: string; cleanup: () => Promise<void> };
let hook: string;

beforeAll(async () => {
  temp = await makeTempDir('pixel-submit-modules-');
  hook = await writeLoadsHook(temp.dir);
});
afterAll(() => temp.cleanup());

describe('what pixel submit loads', () => {
  it('judges an accepted solution without loading node:crypto', async () => {
    const out = join(temp.dir, 'loads.json');
    const solution = join(
      REPO_ROOT,
      'problems',
      'gradient-descent',
      'submissions',
      'accepted',
      'plain-loop.py',
    );
    let stdout = '';
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--require',
          hook,
          PIXEL_BIN,
          'submit',
          solution,
          '--problem',
          'gd',
          '--json',
          '--no-speed',
        ],
        {
          env: {
            PATH: process.env.PATH,
            HOME: temp.dir,
            PIXEL_HOME: join(temp.dir, 'home'),
            LOADS_OUT: out,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'accepted', passed: 28 });
    const modules = (JSON.parse(await readFile(out, 'utf8')) as Loads).internal;
    expect(modules).toContain('NativeModule child_process');
    expect(modules).not.toContain('NativeModule crypto');
  });
});
