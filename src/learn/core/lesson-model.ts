import type { LessonMeta } from './lesson-meta.js';
import type { QuizQuestion } from './quiz.js';

/**
 * pixel's own lesson model: what the build step (scripts/content-lessons.ts) turns each
 * Markdown lesson into, and all the renderer needs. It is plain, serialisable data, so
 * `pixel learn` reads JSON and never loads a Markdown parser, a YAML parser or highlight.js.
 */

/** Bump when the shape changes, so a stale dist/ is reported instead of misrendered. */
export const LESSON_MODEL_VERSION = 2;

export type InlineStyle = 'strong' | 'em' | 'code' | 'strike';

/** A run of text with one set of styles. A paragraph is a flat list of runs. */
export interface InlineRun {
  text: string;
  /** Styles in effect, outermost first; absent for plain text. */
  styles?: InlineStyle[];
  /** Set on every run of a link's text; consecutive runs with the same href are one link. */
  href?: string;
}

export type Inline = InlineRun[];

/** A piece of a highlighted code line; `scope` is highlight.js's class without `hljs-`. */
export interface CodeSegment {
  text: string;
  scope?: string;
}

export type TableAlign = 'left' | 'center' | 'right' | null;

export interface ListItem {
  /** For GFM task items: whether the box is ticked; absent for ordinary items. */
  checked?: boolean;
  blocks: Block[];
}

export type Block =
  | { type: 'heading'; depth: number; text: Inline }
  | { type: 'paragraph'; text: Inline }
  | { type: 'list'; ordered: boolean; start: number; loose: boolean; items: ListItem[] }
  | { type: 'table'; align: TableAlign[]; header: Inline[]; rows: Inline[][] }
  /** Code, already split into lines of highlighted segments (tabs expanded). */
  | { type: 'code'; language: string; lines: CodeSegment[][] }
  /** A display formula written in Unicode: shown verbatim, never re-wrapped. */
  | { type: 'math'; lines: string[] }
  /** A block quote; `practice` marks the one that starts with **Practice:**. */
  | { type: 'quote'; practice: boolean; blocks: Block[] }
  | { type: 'rule' };

export interface Lesson {
  meta: LessonMeta;
  blocks: Block[];
  /** The quick checks that end the lesson (3–5 questions). */
  quiz: QuizQuestion[];
}

/** What `pixel learn` with no topic needs: the metadata of every lesson, in curriculum order. */
export interface LessonIndex {
  version: number;
  lessons: LessonMeta[];
}

/**
 * Width of piped output when COLUMNS is unset. The build pre-renders every lesson's plain page
 * at this width (dist/lessons/<id>.80.txt), so the common piped case does no rendering.
 */
export const PRERENDERED_WIDTH = 80;

/**
 * Widest a lesson page gets, however wide the terminal: prose much wider than this is hard to
 * follow from one line to the next (typography's usual advice is 60–100 characters).
 */
export const READING_WIDTH = 100;

/**
 * The widths the build pre-renders plain pages at (dist/lessons/<id>.<width>.txt): the default
 * piped width, and the reading width, which every output of READING_WIDTH columns or more uses.
 */
export const PRERENDERED_WIDTHS: readonly number[] = [PRERENDERED_WIDTH, READING_WIDTH];

export interface RelatedLesson {
  id: string;
  title: string;
}

/** The related lessons that exist, with their titles, in the order the lesson lists them. */
export function relatedLessons(meta: LessonMeta, index: readonly LessonMeta[]): RelatedLesson[] {
  return meta.related.flatMap((id) => {
    const found = index.find((candidate) => candidate.id === id);
    return found ? [{ id: found.id, title: found.title }] : [];
  });
}
