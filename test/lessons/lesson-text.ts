import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from '../../scripts/lessons/compile-lessons.js';
import { LessonMetaSchema, type LessonMeta } from '../../src/core/lesson-meta.js';

/**
 * Helpers for the lesson tests: read a lesson straight from `lessons/`, and format numbers
 * exactly the way the lessons print them, so a test can rebuild a sentence or a table row from
 * values it computed itself and look for it in the text.
 */

export const LESSONS_DIR = resolve(import.meta.dirname, '..', '..', 'lessons');

/** The lessons this suite checks, in curriculum order. */
export const LESSON_IDS = [
  'mlops',
  'linear-regression',
  'mse',
  'gradient-descent',
  'production-ml',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];

export interface LessonFile {
  meta: LessonMeta;
  /** The Markdown after the front matter. */
  body: string;
}

export function readLesson(id: string): LessonFile {
  const raw = readFileSync(join(LESSONS_DIR, `${id}.md`), 'utf8');
  const parts = splitFrontMatter(raw);
  if (!parts) throw new Error(`lessons/${id}.md has no front matter`);
  return { meta: LessonMetaSchema.parse(parseYaml(parts.yaml)), body: parts.body };
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
