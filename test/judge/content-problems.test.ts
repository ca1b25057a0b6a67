import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemIssues } from '../../scripts/content-problems.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';

const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'judge');

describe('the content-problems build step', () => {
  it('passes on the shipped problems', async () => {
    expect(await problemIssues(REPO_ROOT)).toEqual([]);
  });

  it('rejects a problem whose case ids repeat', async () => {
    await expect(problemIssues(join(fixtures, 'duplicate-ids'))).rejects.toThrow(
      /case id "b" is used twice/,
    );
  });

  it('rejects a case that gives a parameter no value, literal or generated', async () => {
    await expect(problemIssues(join(fixtures, 'missing-parameter'))).rejects.toThrow(
      /case "b" has no value for "x"/,
    );
  });

  it('rejects a known mistake that no case can tell from the reference', async () => {
    expect(await problemIssues(join(fixtures, 'silent-mistake'))).toEqual([
      'problems/tiny: no case tells mistake tripled (variant 1) from the reference',
    ]);
  });

  it('rejects a case whose input breaks the declared bounds', async () => {
    expect(await problemIssues(join(fixtures, 'out-of-bounds'))).toEqual([
      'problems/tiny: case big breaks the declared bounds: "x" must be within [-10, 10]',
    ]);
  });
});
