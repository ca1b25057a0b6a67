import { join } from 'node:path';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileLessons } from '../../scripts/lessons/compile-lessons.js';
import { markdownToBlocks } from '../../scripts/lessons/markdown-to-blocks.js';
import type { Block, Lesson } from '../../src/learn/core/lesson-model.js';
import { textWidth } from '../../src/shared/core/text-width.js';
import { plainChalk } from '../../src/shared/ui/plain-chalk.js';
import { fitColumns, renderBlocksToText, renderLesson } from '../../src/learn/ui/render-lesson.js';
import { REPO_ROOT } from '../helpers/run-pixel.js';
import { ESCAPE, fixtureLessons } from './fixture-lessons.js';

let lessons: Lesson[];
beforeAll(async () => {
  lessons = await fixtureLessons();
});

function sample(): Lesson {
  const lesson = lessons.find((candidate) => candidate.meta.id === 'sample-basics');
  if (!lesson) throw new Error('fixture sample-basics is missing');
  return lesson;
}

const plain = plainChalk();
/** Lines that are allowed past the width: code and formulas are never re-wrapped. */
const CODE_LINE = /^ {4}\S/;

describe('renderLesson with colour off', () => {
  it('renders every kind of block as plain text', () => {
    expect(renderLesson(sample(), { width: 60, chalk: plain })).toMatchInlineSnapshot(`
      "Sample basics
      ═════════════
      A fixture lesson that uses every piece of Markdown the
      renderer supports.
      3 min read

      What a model is
      ───────────────

      A model maps inputs to outputs; training picks its
      parameters. The function predict(x) returns ŷ, read "y hat".
      See the glossary (https://example.com/glossary) or
      https://example.com.

      The formula
      ┄┄┄┄┄┄┄┄┄┄┄

          ŷ = w·x + b
          MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)²

      1. Pick a weight w and a bias b for the line.
      2. Predict every house price.
         ◦ Bigger houses cost more.
         ◦ Older ones less.
      3. Measure the error.

      ┌───────────┬────────────┬───────┐
      │ size (m²) │ price (k€) │ note  │
      ├───────────┼────────────┼───────┤
      │ 50        │        150 │ small │
      │ 100       │        300 │  big  │
      └───────────┴────────────┴───────┘

          def predict(w, b, x):
              # one feature, one prediction
              return w * x + b  # ŷ

      │ A quote about models that is long enough to wrap when the
      │ terminal is narrow, to show the bar.

      ────────────────────────────────────────────────────────────

      │ Practice: run pixel solve fixture-problem.
      "
    `);
  });

  it.each([40, 60, 80, 120])('keeps prose within %i columns and has no escape codes', (width) => {
    const text = renderLesson(sample(), { width, chalk: plain });
    expect(text).not.toMatch(ESCAPE);
    for (const line of text.split('\n')) {
      if (!CODE_LINE.test(line)) expect(textWidth(line), line).toBeLessThanOrEqual(width);
    }
  });

  it('keeps formulas verbatim at any width', () => {
    const text = renderLesson(sample(), { width: 20, chalk: plain });
    expect(text).toContain('    MSE = (1/n) Σᵢ (yᵢ − ŷᵢ)²\n');
    expect(text).toContain('        return w * x + b  # ŷ\n');
  });

  it('wraps a table that is too wide by wrapping its cells, with rules between rows', () => {
    const table: Block = {
      type: 'table',
      align: [null, 'right'],
      header: [[{ text: 'metric' }], [{ text: 'what it measures' }]],
      rows: [
        [
          [{ text: 'recall' }],
          [{ text: 'the share of real positives the model finds, TP / (TP + FN)' }],
        ],
        [[{ text: 'F1' }], [{ text: 'their harmonic mean' }]],
      ],
    };
    const text = renderBlocksToText([table], { width: 32, chalk: plain });
    expect(text).toMatchInlineSnapshot(`
      "┌────────┬─────────────────────┐
      │ metric │    what it measures │
      ├────────┼─────────────────────┤
      │ recall │   the share of real │
      │        │ positives the model │
      │        │   finds, TP / (TP + │
      │        │                 FN) │
      ├────────┼─────────────────────┤
      │ F1     │ their harmonic mean │
      └────────┴─────────────────────┘
      "
    `);
    for (const line of text.trimEnd().split('\n')) expect(textWidth(line)).toBe(32);
  });

  it('gives list items hanging indents, numbers aligned on the right', () => {
    const item = (text: string): { blocks: Block[] } => ({
      blocks: [{ type: 'paragraph', text: [{ text }] }],
    });
    const list: Block = {
      type: 'list',
      ordered: true,
      start: 9,
      loose: false,
      items: [item('nine is a short item'), item('ten wraps onto a second line here')],
    };
    expect(renderBlocksToText([list], { width: 24, chalk: plain })).toMatchInlineSnapshot(`
      " 9. nine is a short item
      10. ten wraps onto a
          second line here
      "
    `);
  });
});

describe('fitColumns', () => {
  it('keeps natural widths that fit', () => {
    expect(fitColumns([5, 10], 20)).toEqual([5, 10]);
  });

  it('gives each column its longest word, then shares the rest in proportion to its wish', () => {
    expect(fitColumns([4, 30, 20], 30, [4, 10, 8])).toEqual([4, 15, 11]);
  });

  it('caps the widest columns when even the longest words do not fit', () => {
    expect(fitColumns([4, 30, 20], 15, [4, 10, 8])).toEqual([4, 6, 5]);
  });
});

describe('renderLesson with colour on', () => {
  it('styles headings, emphasis, code and formulas with escape codes', () => {
    const text = renderLesson(sample(), { width: 60, chalk: new Chalk({ level: 2 }) });
    expect(text).toContain('\u001b[1m\u001b[36mWhat a model is\u001b[39m\u001b[22m');
    expect(text).toContain('\u001b[1mmodel\u001b[22m');
    expect(text).toContain('\u001b[3mtraining\u001b[23m');
    expect(text).toContain('\u001b[3mŷ = w·x + b\u001b[23m');
    // Highlighted Python: the keyword is coloured, the comment grey.
    expect(text).toContain('\u001b[35mdef\u001b[39m');
    expect(text).toContain('\u001b[90m# one feature, one prediction\u001b[39m');
    // Same words, same layout: only the escape codes differ.
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).toBe(
      renderLesson(sample(), { width: 60, chalk: plain }),
    );
  });
});

describe('tables at narrow widths (every table of every real lesson)', () => {
  const NUMBER = /[−-]?\d[\d,.]*\d|\d/g;

  it('never split a number across lines, from 20 to 100 columns', async () => {
    const { lessons } = await compileLessons(
      join(REPO_ROOT, 'lessons'),
      join(REPO_ROOT, 'problems'),
    );
    const tables = lessons.flatMap((lesson) =>
      lesson.blocks
        .filter((block) => block.type === 'table')
        .map((block) => ({ id: lesson.meta.id, block })),
    );
    expect(tables.length).toBeGreaterThan(20);
    for (const { id, block } of tables) {
      const cells = [...block.header, ...block.rows.flat()].map((cell) =>
        cell.map((run) => run.text).join(''),
      );
      const numbers = [...new Set(cells.flatMap((cell) => cell.match(NUMBER) ?? []))];
      for (const width of [20, 30, 40, 50, 60, 80, 100]) {
        const text = renderBlocksToText([block], { width, chalk: plainChalk() });
        // Each number shows up whole on some line, with no digit glued to either side.
        for (const number of numbers) {
          const whole = new RegExp(`(^|[^\\d.,])${number.replace(/[.]/g, '\\.')}($|[^\\d])`, 'm');
          expect(text, `${id} at ${width} columns: ${number}`).toMatch(whole);
        }
        for (const line of text.split('\n'))
          expect(textWidth(line), `${id} at ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('turns a table too wide for the screen into one record per row', () => {
    const table = markdownToBlocks(
      '| house | size x (m²) | price y (k€) |\n| --- | --- | --- |\n| 1 | 50 | 162.5 |\n| 2 | 60 | 185 |\n',
    ).blocks;
    expect(renderBlocksToText(table, { width: 20, chalk: plainChalk() })).toBe(
      'house: 1\n  size x (m²): 50\n  price y (k€):\n    162.5\n\nhouse: 2\n  size x (m²): 60\n  price y (k€):\n    185\n',
    );
  });
});
