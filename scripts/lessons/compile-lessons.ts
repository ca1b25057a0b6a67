/**
 * Lessons as the build sees them: every `lessons/<id>.md` parsed (front matter with `yaml`,
 * validated by LessonMetaSchema, quick checks by parseQuiz; body with marked → pixel's model), then checked across files.
 * Every issue in every file is collected before anything fails, so an author fixes them all in
 * one go. The content test runs this same code over the real lessons.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod/mini';
import { LessonMetaSchema, type LessonMeta } from '../../src/learn/core/lesson-meta.js';
import { parseQuiz, QUIZ_SIZE } from '../../src/learn/core/quiz-schema.js';
import {
  LESSON_MODEL_VERSION,
  type Lesson,
  type LessonIndex,
} from '../../src/learn/core/lesson-model.js';
import { markdownToBlocks } from './markdown-to-blocks.js';

export interface ParsedLesson {
  lesson?: Lesson;
  issues: string[];
}

// zod/mini ships without messages ("Invalid input"); a lesson author deserves the English ones.
// The build can afford the locale that start-up cannot.
z.config(z.locales.en());

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
// Control characters other than tab and newline would reach the learner's terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A lesson file's YAML front matter and the Markdown after it, or undefined without one. */
export function splitFrontMatter(source: string): { yaml: string; body: string } | undefined {
  const match = FRONT_MATTER.exec(source);
  return match ? { yaml: match[1] ?? '', body: source.slice(match[0].length) } : undefined;
}

/** Parses one lesson file; `fileId` is its name without `.md`. */
export function parseLessonSource(fileId: string, source: string): ParsedLesson {
  const issues: string[] = [];
  const parts = splitFrontMatter(source);
  if (!parts) {
    return { issues: ['no front matter: the file must start with a "---" block of YAML'] };
  }
  if (CONTROL.test(source)) issues.push('contains control characters (escape codes?)');
  let raw: unknown;
  try {
    raw = parseYaml(parts.yaml);
  } catch (error) {
    return { issues: [...issues, `front matter is not valid YAML: ${(error as Error).message}`] };
  }
  // The quick checks sit in the front matter beside the metadata but are not part of it: the
  // lesson index (read by every `pixel learn`) carries the metadata alone.
  const { quiz: rawQuiz, ...rawMeta } =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const result = LessonMetaSchema.safeParse(
    typeof raw === 'object' && raw !== null ? rawMeta : raw,
  );
  let meta: LessonMeta | undefined;
  if (result.success) {
    meta = result.data;
    if (meta.id !== fileId)
      issues.push(`id "${meta.id}" does not match the file name ${fileId}.md`);
  } else {
    for (const issue of result.error.issues) {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'front matter';
      issues.push(`${where}: ${issue.message}`);
    }
  }
  const quiz = parseQuiz(rawQuiz);
  if (rawQuiz === undefined) {
    issues.push(
      `quiz: missing; every lesson ends with ${QUIZ_SIZE.min} to ${QUIZ_SIZE.max} questions`,
    );
  } else issues.push(...quiz.issues.map((issue) => `${issue.path}: ${issue.message}`));
  const { blocks, issues: markdownIssues } = markdownToBlocks(parts.body);
  issues.push(...markdownIssues);
  if (blocks.length === 0) issues.push('the lesson has no text after the front matter');
  return meta && quiz.quiz ? { lesson: { meta, blocks, quiz: quiz.quiz }, issues } : { issues };
}

export interface CrossReferenceReport {
  /** Problems that make the lessons unusable or ambiguous (an id or alias used twice). */
  errors: string[];
  /**
   * Related lessons and problem folders that are pointed at but do not exist (yet): lessons and
   * problems are written in parallel, so the build only warns; the content test fails on them.
   */
  dangling: string[];
}

/** Checks what no single file can: unique ids and aliases, and that references resolve. */
export function checkCrossReferences(
  lessons: readonly LessonMeta[],
  problemIds: ReadonlySet<string>,
): CrossReferenceReport {
  const errors: string[] = [];
  const dangling: string[] = [];
  const owners = new Map<string, string>();
  for (const lesson of lessons) {
    for (const name of [lesson.id, ...lesson.aliases]) {
      const owner = owners.get(name);
      if (owner === lesson.id) {
        errors.push(`lessons/${lesson.id}.md: "${name}" is listed twice`);
      } else if (owner !== undefined) {
        errors.push(
          `lessons/${lesson.id}.md: "${name}" is already the id or an alias of lessons/${owner}.md`,
        );
      } else owners.set(name, lesson.id);
    }
  }
  const ids = new Set(lessons.map((lesson) => lesson.id));
  for (const lesson of lessons) {
    for (const related of lesson.related) {
      if (related === lesson.id) errors.push(`lessons/${lesson.id}.md: related lists itself`);
      else if (!ids.has(related)) {
        dangling.push(`lessons/${lesson.id}.md: related lesson "${related}" does not exist`);
      }
    }
    for (const problem of lesson.problems) {
      if (!problemIds.has(problem)) {
        dangling.push(
          `lessons/${lesson.id}.md: problem "${problem}" has no folder problems/${problem}/`,
        );
      }
    }
  }
  return { errors, dangling };
}

export interface CompiledLessons {
  /** Lessons in curriculum order (by `order`, then id). */
  lessons: Lesson[];
  errors: string[];
  /** See CrossReferenceReport.dangling. */
  dangling: string[];
}

async function folderNames(path: string): Promise<string[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads and checks every lesson under `lessonsDir`, against the problem folders of `problemsDir`. */
export async function compileLessons(
  lessonsDir: string,
  problemsDir: string,
): Promise<CompiledLessons> {
  let names: string[] = [];
  try {
    names = (await readdir(lessonsDir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const errors: string[] = [];
  const lessons: Lesson[] = [];
  for (const name of names) {
    const source = await readFile(join(lessonsDir, name), 'utf8');
    const parsed = parseLessonSource(name.replace(/\.md$/, ''), source);
    errors.push(...parsed.issues.map((issue) => `lessons/${name}: ${issue}`));
    if (parsed.lesson) lessons.push(parsed.lesson);
  }
  lessons.sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id));
  const problems = new Set(await folderNames(problemsDir));
  const cross = checkCrossReferences(
    lessons.map((lesson) => lesson.meta),
    problems,
  );
  return {
    lessons,
    errors: [...errors, ...cross.errors],
    dangling: cross.dangling,
  };
}

export function lessonIndex(lessons: readonly Lesson[]): LessonIndex {
  return { version: LESSON_MODEL_VERSION, lessons: lessons.map((lesson) => lesson.meta) };
}
