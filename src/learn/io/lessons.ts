import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError } from '../../errors.js';
import {
  newerFormatMessage,
  newerFormatVersion,
  UPDATE_PIXEL_HINT,
} from '../../shared/core/format-version.js';
import { LESSON_MODEL_VERSION, type Lesson, type LessonIndex } from '../core/lesson-model.js';
import { packageRoot } from '../../shared/io/package-root.js';

/**
 * Where lessons come from at run time: the JSON the build wrote (scripts/content-lessons.ts).
 * It was validated when built, so it is read as is; the version check catches a dist/ left
 * over from an older build.
 *
 * Promises, so that a source may read asynchronously; both here read synchronously (one small
 * file at start-up is faster without fs/promises) and resolve at once.
 */
export interface LessonSource {
  /** Metadata of every lesson, in curriculum order. */
  index(): Promise<LessonIndex>;
  /** One lesson, by id (as listed in the index). */
  lesson(id: string): Promise<Lesson>;
  /** The plain page pre-rendered at `width` columns by the build, if there is one. */
  prerendered(id: string, width: number): Promise<string | undefined>;
}

function notBuilt(cause: unknown): EnvironmentError {
  return new EnvironmentError('the lessons are missing or out of date in this install', {
    hint: 'run `npm run build` in the pixel folder (or reinstall pixel)',
    cause,
  });
}

function readJson(path: string): unknown {
  try {
    // Synchronous on purpose: one small file read at start-up is faster without the promise
    // machinery of fs/promises, and nothing else is waiting.
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw notBuilt(error);
  }
}

/** Lessons built into `<package>/dist/lessons/` (or another folder, for tests). */
export function builtLessons(folder = join(packageRoot(), 'dist', 'lessons')): LessonSource {
  return {
    index() {
      const index = readJson(join(folder, 'index.json')) as LessonIndex;
      const newer = newerFormatVersion(index, LESSON_MODEL_VERSION, 'version');
      if (newer !== undefined) {
        throw new EnvironmentError(
          newerFormatMessage(join(folder, 'index.json'), newer, LESSON_MODEL_VERSION),
          { hint: UPDATE_PIXEL_HINT },
        );
      }
      if (index?.version !== LESSON_MODEL_VERSION || !Array.isArray(index.lessons)) {
        throw notBuilt(new Error(`lesson index version ${String(index?.version)}`));
      }
      return Promise.resolve(index);
    },
    lesson(id) {
      return Promise.resolve(readJson(join(folder, `${id}.json`)) as Lesson);
    },
    prerendered(id, width) {
      try {
        return Promise.resolve(readFileSync(join(folder, `${id}.${width}.txt`), 'utf8'));
      } catch {
        return Promise.resolve(undefined);
      }
    },
  };
}

/** Lessons held in memory (tests, or lessons compiled on the fly). */
export function lessonsInMemory(lessons: readonly Lesson[]): LessonSource {
  return {
    index: () =>
      Promise.resolve({
        version: LESSON_MODEL_VERSION,
        lessons: lessons.map((lesson) => lesson.meta),
      }),
    lesson: (id) => {
      const found = lessons.find((lesson) => lesson.meta.id === id);
      if (!found) throw notBuilt(new Error(`no lesson ${id}`));
      return Promise.resolve(found);
    },
    prerendered: () => Promise.resolve(undefined),
  };
}
