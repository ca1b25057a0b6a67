import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../scripts/content-problems.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';

const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'judge');

describe('the content-problems build step', () => {
  it('passes on the shipped problems', async () => {
    await expect(run({ root: REPO_ROOT, dist: '' })).resolves.toBeUndefined();
  });

  it('rejects a problem whose case ids repeat', async () => {
    await expect(run({ root: join(fixtures, 'duplicate-ids'), dist: '' })).rejects.toThrow(
      /case id "b" is used twice/,
    );
  });

  it('rejects a known mistake that no case can tell from the reference', async () => {
    await expect(run({ root: join(fixtures, 'silent-mistake'), dist: '' })).rejects.toThrow(
      'problems/tiny: no case tells mistake no-op-mistake (variant 1) from the reference',
    );
  });
});
