/**
 * Build step: lessons/*.md → dist/lessons/index.json (metadata of every lesson, in curriculum
 * order) and dist/lessons/<id>.json (one parsed, highlighted lesson each). `pixel learn` then
 * reads JSON only: no Markdown or YAML parser, highlight.js or schema check at start-up. It also
 * writes dist/lessons/<id>.80.txt and <id>.100.txt, the plain page at the default piped width
 * and at the reading width (every wider output prints that one).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileLessons, lessonIndex } from './lessons/compile-lessons.js';
import { PRERENDERED_WIDTHS, relatedLessons } from '../src/learn/core/lesson-model.js';
import { renderLessonPage } from '../src/learn/ui/lesson-page.js';
import { plainChalk } from '../src/shared/ui/plain-chalk.js';

export async function run({ root, dist }: { root: string; dist: string }): Promise<void> {
  const { lessons, errors, dangling } = await compileLessons(
    join(root, 'lessons'),
    join(root, 'problems'),
  );
  if (errors.length > 0) {
    throw new Error(
      `the lessons have ${errors.length} problem(s):\n  ${errors.join('\n  ')}\n` +
        'fix them all, then build again',
    );
  }
  // Lessons and problem folders are written in parallel, so a lesson may point at one that
  // lands later: the build warns and keeps working (pixel learn skips unknown related
  // lessons), and the content test in npm test fails on it, so CI still refuses it.
  for (const reference of dangling) console.error(`warning: ${reference}`);
  const out = join(dist, 'lessons');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'index.json'), JSON.stringify(lessonIndex(lessons)));
  const metas = lessons.map((lesson) => lesson.meta);
  for (const lesson of lessons) {
    await writeFile(join(out, `${lesson.meta.id}.json`), JSON.stringify(lesson));
    // The plain page at the default piped width and at the reading width, rendered by the same
    // code pixel runs: piped `pixel learn <topic>` just copies one out (the start-up budget has
    // no room for rendering).
    for (const width of PRERENDERED_WIDTHS) {
      const page = renderLessonPage(lesson, relatedLessons(lesson.meta, metas), {
        width,
        chalk: plainChalk(),
      });
      await writeFile(join(out, `${lesson.meta.id}.${width}.txt`), page);
    }
  }
}
