import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchParent } from '../../src/judge/io/scratch.js';
import { makeTempDir } from '../helpers/run-pixel.js';

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-scratch-');
});
afterAll(() => temp.cleanup());

describe('scratchParent', () => {
  it('puts the full sandbox’s scratch in the user’s runtime folder when there is one', async () => {
    const runtime = join(temp.dir, 'run-user');
    await mkdir(runtime);
    expect(scratchParent('full', { XDG_RUNTIME_DIR: runtime })).toBe(runtime);
  });

  it('falls back to /dev/shm, then the temporary folder, for a runtime folder that is no folder', async () => {
    const file = join(temp.dir, 'not-a-folder');
    await writeFile(file, '');
    for (const env of [{ XDG_RUNTIME_DIR: file }, { XDG_RUNTIME_DIR: 'relative/run' }, {}]) {
      const parent = scratchParent('full', env);
      expect([tmpdir(), '/dev/shm']).toContain(parent);
    }
  });

  it('keeps TMPDIR when the user set it, and the reduced sandbox always in the temporary folder', () => {
    const runtime = temp.dir;
    expect(scratchParent('full', { TMPDIR: tmpdir(), XDG_RUNTIME_DIR: runtime })).toBe(tmpdir());
    expect(scratchParent('reduced', { XDG_RUNTIME_DIR: runtime })).toBe(tmpdir());
  });
});
