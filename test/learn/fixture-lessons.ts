import { join } from 'node:path';
import { compileLessons } from '../../scripts/lessons/compile-lessons.js';
import type { Lesson } from '../../src/learn/core/lesson-model.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

/** The fixture mini-curriculum (test/fixtures/lessons), compiled as the build would. */
export async function fixtureLessons(): Promise<Lesson[]> {
  const compiled = await compileLessons(join(FIXTURES, 'lessons'), join(FIXTURES, 'problems'));
  if (compiled.errors.length > 0 || compiled.dangling.length > 0) {
    throw new Error(
      `fixture lessons are broken:\n${[...compiled.errors, ...compiled.dangling].join('\n')}`,
    );
  }
  return compiled.lessons;
}

// eslint-disable-next-line no-control-regex
export const ESCAPE = /\u001b/;
