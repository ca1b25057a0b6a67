import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/judge/core/problem-schema.js';
import { listProblemIds, loadProblem } from '../../src/judge/io/problem-store.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';

/**
 * exercism's rule: a case, once published, keeps its id and its data. Learners' progress,
 * reports and discussions refer to case ids, and a changed hidden case would silently change what
 * "accepted" means. A fix is a new case with a new id. This file holds a fingerprint of every
 * published case's built input; a new case is added to it with PIXEL_PUBLISH_CASES=1 (which only
 * ever adds, never rewrites an entry).
 */
const LOCK = join(REPO_ROOT, 'test', 'fixtures', 'published-cases.json');
const published = JSON.parse(readFileSync(LOCK, 'utf8')) as Record<string, Record<string, string>>;

/** sha-256 of the input as JSON with sorted keys, shortened: the same data gives the same print. */
export function fingerprint(input: CaseInput): string {
  const sorted = Object.fromEntries(
    Object.keys(input)
      .sort()
      .map((key) => [key, input[key]]),
  );
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

const current = Object.fromEntries(
  listProblemIds().map((id) => [
    id,
    Object.fromEntries(
      loadProblem(id).cases.map((testCase) => [testCase.id, fingerprint(testCase.input)]),
    ),
  ]),
);

describe('published cases', () => {
  it('keep their ids and their data', () => {
    const changed: string[] = [];
    for (const [problem, cases] of Object.entries(published)) {
      for (const [id, print] of Object.entries(cases)) {
        const now = current[problem]?.[id];
        if (now === undefined) changed.push(`${problem}/${id} was removed`);
        else if (now !== print) changed.push(`${problem}/${id} changed its data`);
      }
    }
    expect(
      changed,
      'a published case must not change: add a new case with a new id instead',
    ).toEqual([]);
  });

  it('include every case that ships', () => {
    const unpublished = Object.entries(current).flatMap(([problem, cases]) =>
      Object.keys(cases)
        .filter((id) => published[problem]?.[id] === undefined)
        .map((id) => `${problem}/${id}`),
    );
    if (unpublished.length > 0 && process.env.PIXEL_PUBLISH_CASES === '1') {
      for (const name of unpublished) {
        const [problem, id] = name.split('/') as [string, string];
        (published[problem] ??= {})[id] = current[problem]?.[id] as string;
      }
      writeFileSync(LOCK, `${JSON.stringify(published, null, 2)}\n`);
      return;
    }
    expect(unpublished, 'publish new cases with PIXEL_PUBLISH_CASES=1').toEqual([]);
  });
});
