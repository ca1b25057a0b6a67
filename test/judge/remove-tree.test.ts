import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTree } from '../../src/judge/io/remove-tree.js';
import { makeTempDir } from '../helpers/run-pixel.js';

let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await makeTempDir('pixel-remove-tree-');
});
afterAll(() => temp.cleanup());

describe('removeTree', () => {
  it('removes a scratch folder with everything in it, and links as links', async () => {
    const outside = join(temp.dir, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'keep.txt'), 'kept');
    const scratch = join(temp.dir, 'scratch');
    await mkdir(join(scratch, 'root', 'usr', 'lib'), { recursive: true });
    await mkdir(join(scratch, 'root', 'dev'), { recursive: true });
    await mkdir(join(scratch, 'src', 'deep', 'er'), { recursive: true });
    await writeFile(join(scratch, 'fstab'), 'x');
    await writeFile(join(scratch, 'root', 'dev', 'null'), '');
    await writeFile(join(scratch, 'src', 'deep', 'er', 'solution.py'), 'pass');
    await symlink('usr/lib', join(scratch, 'root', 'lib'));
    await symlink(outside, join(scratch, 'src', 'link-to-outside'));
    await symlink(join(temp.dir, 'missing'), join(scratch, 'src', 'dangling'));

    removeTree(scratch);
    expect(existsSync(scratch)).toBe(false);
    // A link's target is never followed.
    expect(await readFile(join(outside, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('leaves no error for a folder that is already gone', () => {
    expect(() => removeTree(join(temp.dir, 'never-made'))).not.toThrow();
  });
});
