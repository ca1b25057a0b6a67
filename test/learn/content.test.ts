import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLessons } from '../../scripts/lessons/compile-lessons.js';
import { PRERENDERED_WIDTHS, relatedLessons } from '../../src/learn/core/lesson-model.js';
import { builtLessons } from '../../src/learn/io/lessons.js';
import { renderLessonPage } from '../../src/learn/ui/lesson-page.js';
import { plainChalk } from '../../src/shared/ui/plain-chalk.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';

/**
 * The content check: the build step's own checks over the real lessons/ and problems/, but
 * strict about dangling references, which the build only warns about.
 */
describe('the real lessons', () => {
  it('are valid, uniquely named, and point only at lessons and problems that exist', async () => {
    const compiled = await compileLessons(join(REPO_ROOT, 'lessons'), join(REPO_ROOT, 'problems'));
    expect([...compiled.errors, ...compiled.dangling]).toEqual([]);
    expect(compiled.lessons.length).toBeGreaterThan(0);
  });

  it('include the first lessons of the curriculum, in order', async () => {
    const { lessons } = await compileLessons(
      join(REPO_ROOT, 'lessons'),
      join(REPO_ROOT, 'problems'),
    );
    const ids = lessons.map((lesson) => lesson.meta.id);
    for (const id of ['mlops', 'linear-regression', 'mse', 'gradient-descent', 'production-ml']) {
      expect(ids).toContain(id);
    }
    expect(ids.indexOf('linear-regression')).toBeLessThan(ids.indexOf('gradient-descent'));
  });
});

describe('the built lessons (dist/lessons, written by npm run build)', () => {
  it.each(PRERENDERED_WIDTHS)(
    'pre-render exactly what pixel would render at %i columns',
    async (width) => {
      const source = builtLessons();
      const { lessons } = await source.index();
      expect(lessons.length).toBeGreaterThan(0);
      for (const meta of lessons) {
        const page = renderLessonPage(await source.lesson(meta.id), relatedLessons(meta, lessons), {
          width,
          chalk: plainChalk(),
        });
        expect(
          await source.prerendered(meta.id, width),
          `${meta.id} (a stale dist/? npm test builds first)`,
        ).toBe(page);
      }
    },
  );
});
