import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLessonSource, splitFrontMatter } from '../../scripts/lessons/compile-lessons.js';
import type { LessonMeta } from '../../src/learn/core/lesson-meta.js';
import type { QuizQuestion } from '../../src/learn/core/quiz.js';

/**
 * Helpers for the lesson tests: read a lesson straight from `lessons/`, and format numbers
 * exactly the way the lessons print them, so a test can rebuild a sentence or a table row from
 * values it computed itself and look for it in the text.
 */

export const LESSONS_DIR = resolve(import.meta.dirname, '..', '..', 'lessons');

export interface LessonFile {
  meta: LessonMeta;
  /** The Markdown after the front matter. */
  body: string;
  /** The quick check, as the build validates it. */
  quiz: QuizQuestion[];
}

/** Reads a lesson with the build's own parser; any issue the build would report fails here. */
export function readLesson(id: string): LessonFile {
  const raw = readFileSync(join(LESSONS_DIR, `${id}.md`), 'utf8');
  const parts = splitFrontMatter(raw);
  if (!parts) throw new Error(`lessons/${id}.md has no front matter`);
  const { lesson, issues } = parseLessonSource(id, raw);
  if (!lesson || issues.length > 0) throw new Error(`lessons/${id}.md: ${issues.join('; ')}`);
  return { meta: lesson.meta, body: parts.body, quiz: lesson.quiz };
}

/** Every lesson in lessons/, in curriculum order: the suite follows the folder, not a list. */
export const LESSON_IDS: readonly string[] = readdirSync(LESSONS_DIR)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.replace(/\.md$/, ''))
  .map((id) => ({ id, order: readLesson(id).meta.order }))
  .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  .map(({ id }) => id);

/** The quiz question with this id; fails loudly when a test names one that is gone. */
export function quizQuestion(quiz: readonly QuizQuestion[], id: string): QuizQuestion {
  const question = quiz.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no quiz question "${id}"`);
  return question;
}

/**
 * The text under one heading, up to the next heading of the same or a higher level. Scoping an
 * assertion to its section keeps a number stated elsewhere from satisfying it by accident.
 */
export function section(body: string, heading: string): string {
  const lines = body.split('\n');
  const fenced = fencedLines(lines);
  const isHeading = (index: number) => !fenced[index] && /^#{1,6} /.test(lines[index] ?? '');
  const start = lines.findIndex((line, index) => isHeading(index) && line.includes(heading));
  if (start === -1) throw new Error(`no heading containing "${heading}"`);
  const depth = /^#+/.exec(lines[start] ?? '')?.[0].length ?? 2;
  const end = lines.findIndex(
    (line, index) => index > start && isHeading(index) && /^#+/.exec(line)![0].length <= depth,
  );
  return lines.slice(start, end === -1 ? lines.length : end).join('\n');
}

/**
 * For each line, whether it belongs to a fenced block (the ``` lines included), so `#` in code
 * is not taken for a heading nor `|` in code for a table.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  let open = false;
  return lines.map((line) => {
    if (line.startsWith('```')) {
      open = !open;
      return true;
    }
    return open;
  });
}

/** Lessons write negative numbers with the Unicode minus sign, as in formulas. */
function withMinusSign(text: string): string {
  if (Number(text) === 0) return text.replace(/^-/, '');
  return text.replace(/^-/, '−');
}

/** A number with a fixed count of decimals: `fixed(0.17320000000000005, 4)` is `0.1732`. */
export function fixed(value: number, decimals: number): string {
  return withMinusSign(value.toFixed(decimals));
}

/**
 * A number as a person writes it: no trailing zeros and no float noise (0.6000000000000001 is
 * `0.6`). Ten decimals is far below anything a lesson states and far above float64 noise here.
 */
export function plain(value: number): string {
  return withMinusSign(String(Number(value.toFixed(10))));
}

/** A list as the lessons write it: `[−0.4, −1.4]`. */
export function list(values: readonly number[], format: (value: number) => string = plain): string {
  return `[${values.map(format).join(', ')}]`;
}

/** A GFM table row with single spaces around each cell, as the lessons are written. */
export function row(cells: readonly (string | number)[]): string {
  return `| ${cells.map((cell) => (typeof cell === 'number' ? plain(cell) : cell)).join(' | ')} |`;
}

/** An integer with thousands separators: `10,000`. */
export function grouped(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`${value} is not an integer`);
  return value.toLocaleString('en-US');
}

/** A ratio as a percentage with the given decimals: `percent(0.991, 1)` is `99.1%`. */
export function percent(ratio: number, decimals: number): string {
  return `${fixed(ratio * 100, decimals)}%`;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}
