import type { ChalkInstance } from 'chalk';
import type { Block, Inline, Lesson, ListItem, TableAlign } from '../core/lesson-model.js';
import { padToWidth, textWidth } from '../../shared/core/text-width.js';
import { wrapPieces, type Piece } from '../../shared/core/wrap-text.js';
import { codeScopePainter } from './code-theme.js';

/**
 * Renders a lesson for the terminal: a pure function of the lesson, the width and a chalk
 * instance. With colour off (chalk level 0) the result is plain text with no escape codes at
 * all; structure then shows through layout alone (underlined headings, bullets, bars, boxes).
 */

export interface RenderOptions {
  /** Columns to wrap prose to; code lines are never wrapped. */
  width: number;
  chalk: ChalkInstance;
}

type Paint = (text: string) => string;
const plain: Paint = (text) => text;

interface Renderer {
  chalk: ChalkInstance;
  /** Nesting depth of lists, for the bullet shape. */
  listDepth: number;
  /**
   * Painters by base and style, built once per render: a lesson has thousands of runs but a
   * handful of looks, and every chalk chain access builds a new function.
   */
  painters: Map<string, Paint>;
}

/** The look a run of inline text starts from, before its own styles. */
type InlineBase = 'text' | 'section' | 'subsection' | 'header';

function basePaint(chalk: ChalkInstance, base: InlineBase): Paint {
  if (base === 'section') return chalk.bold.cyan;
  if (base === 'subsection' || base === 'header') return chalk.bold;
  return plain;
}

function painterFor(r: Renderer, base: InlineBase, styles: readonly string[], link: boolean) {
  // With colour off every look is the same: one painter, so wrapped pieces merge.
  if (r.chalk.level === 0) return plain;
  const key = `${base}|${styles.join(',')}|${link ? 'link' : ''}`;
  let paint = r.painters.get(key);
  if (!paint) {
    const { chalk } = r;
    paint = basePaint(chalk, base);
    for (const style of styles) {
      if (style === 'strong') paint = compose(paint, chalk.bold);
      else if (style === 'em') paint = compose(paint, chalk.italic);
      else if (style === 'code') paint = compose(paint, chalk.yellow);
      else if (style === 'url') paint = compose(paint, chalk.dim);
      else paint = compose(paint, chalk.strikethrough);
    }
    if (link) paint = compose(paint, chalk.underline);
    r.painters.set(key, paint);
  }
  return paint;
}

const BULLETS = ['•', '◦', '▪'];
const CODE_INDENT = '    ';
const TAB = '    ';

function compose(outer: Paint, inner: Paint): Paint {
  return outer === plain ? inner : inner === plain ? outer : (text) => outer(inner(text));
}

/** Inline runs → pieces to wrap, each with its painter; a link is followed by its URL. */
function inlinePieces(inline: Inline, r: Renderer, base: InlineBase = 'text'): Piece<Paint>[] {
  const pieces: Piece<Paint>[] = [];
  inline.forEach((run, index) => {
    pieces.push({
      text: run.text,
      style: painterFor(r, base, run.styles ?? [], run.href !== undefined),
    });
    const next = inline[index + 1];
    if (run.href && next?.href !== run.href) {
      // The whole link text, to leave out a URL that only repeats it.
      let start = index;
      while (start > 0 && inline[start - 1]?.href === run.href) start--;
      const text = inline
        .slice(start, index + 1)
        .map((part) => part.text)
        .join('');
      const bare = run.href.replace(/^(mailto:|https?:\/\/)/, '');
      if (text !== run.href && text !== bare) {
        pieces.push({ text: ` (${run.href})`, style: painterFor(r, base, ['url'], false) });
      }
    }
  });
  return pieces;
}

/** Paints a wrapped line, one escape sequence per run of pieces that share a painter. */
function paintLine(line: readonly Piece<Paint>[]): string {
  let out = '';
  let text = '';
  let paint: Paint | undefined;
  for (const piece of line) {
    if (piece.style !== paint) {
      if (paint && text !== '') out += paint(text);
      paint = piece.style;
      text = '';
    }
    text += piece.text;
  }
  if (paint && text !== '') out += paint(text);
  return out;
}

function lineWidth(line: readonly Piece<Paint>[]): number {
  return line.reduce((sum, piece) => sum + textWidth(piece.text), 0);
}

function wrapInline(inline: Inline, width: number, r: Renderer): string[] {
  return wrapPieces(inlinePieces(inline, r), width).map(paintLine);
}

function renderHeading(block: Extract<Block, { type: 'heading' }>, width: number, r: Renderer) {
  const base = block.depth <= 2 ? 'section' : 'subsection';
  const lines = wrapPieces(inlinePieces(block.text, r, base), width);
  const painted = lines.map(paintLine);
  // Underlines keep the outline visible in plain text: ─ under sections, ┄ under subsections.
  const rule = block.depth <= 2 ? '─' : block.depth === 3 ? '┄' : undefined;
  if (!rule) return painted;
  const underline = Math.min(width, Math.max(...lines.map(lineWidth)));
  return [...painted, (block.depth <= 2 ? r.chalk.cyan : r.chalk.dim)(rule.repeat(underline))];
}

function renderCode(block: Extract<Block, { type: 'code' }>, r: Renderer): string[] {
  return block.lines.map((segments) => {
    if (segments.every((segment) => segment.text === '')) return '';
    const text = segments
      .map((segment) => {
        const paint = codeScopePainter(r.chalk, segment.scope) ?? plain;
        return paint(segment.text.replace(/\t/g, TAB));
      })
      .join('');
    return CODE_INDENT + text;
  });
}

function renderMath(block: Extract<Block, { type: 'math' }>, r: Renderer): string[] {
  const paint = r.chalk.italic;
  return block.lines.map((line) => (line.trim() === '' ? '' : CODE_INDENT + paint(line)));
}

function renderQuote(block: Extract<Block, { type: 'quote' }>, width: number, r: Renderer) {
  const bar = block.practice ? r.chalk.green('│') : r.chalk.dim('│');
  return renderBlocks(block.blocks, width - 2, r).map((line) =>
    line === '' ? bar : `${bar} ${line}`,
  );
}

function itemMarker(
  block: Extract<Block, { type: 'list' }>,
  item: ListItem,
  index: number,
  r: Renderer,
) {
  const bullet = block.ordered
    ? `${block.start + index}.`
    : (BULLETS[r.listDepth % BULLETS.length] ?? '•');
  if (item.checked === undefined) return bullet;
  return `${bullet} ${item.checked ? '[x]' : '[ ]'}`;
}

function renderList(block: Extract<Block, { type: 'list' }>, width: number, r: Renderer) {
  const markers = block.items.map((item, index) => itemMarker(block, item, index, r));
  // Hanging indent: continuation lines line up with the text after the widest marker.
  const markerWidth = Math.max(...markers.map(textWidth));
  const inner: Renderer = { ...r, listDepth: r.listDepth + 1 };
  const lines: string[] = [];
  block.items.forEach((item, index) => {
    if (index > 0 && block.loose) lines.push('');
    const body = renderBlocks(item.blocks, width - markerWidth - 1, inner, block.loose);
    const marker = padToWidth(markers[index] ?? '', markerWidth, block.ordered ? 'right' : 'left');
    const indent = ' '.repeat(markerWidth + 1);
    if (body.length === 0) lines.push(r.chalk.dim(marker));
    body.forEach((line, lineIndex) => {
      if (lineIndex === 0) lines.push(`${r.chalk.dim(marker)} ${line}`);
      else lines.push(line === '' ? '' : indent + line);
    });
  });
  return lines;
}

/**
 * Column widths that fit `available` columns, the way browsers lay out automatic tables:
 * every column first gets its longest word (`minimum`), so words are not cut, then the space
 * left is shared in proportion to how much more each column would like. When even the longest
 * words do not fit, columns share the space under a common cap and long words are cut.
 */
export function fitColumns(
  natural: readonly number[],
  available: number,
  minimum: readonly number[] = natural.map(() => 1),
): number[] {
  const sum = (widths: readonly number[]) => widths.reduce((total, width) => total + width, 0);
  if (sum(natural) <= available) return [...natural];
  const floor = natural.map((width, index) => Math.min(width, Math.max(1, minimum[index] ?? 1)));
  if (sum(floor) <= available) {
    const wants = natural.map((width, index) => width - (floor[index] ?? 0));
    const spare = available - sum(floor);
    const totalWant = sum(wants);
    const shares = wants.map((want) => (totalWant === 0 ? 0 : (want * spare) / totalWant));
    const fitted = floor.map((width, index) => width + Math.floor(shares[index] ?? 0));
    // Hand out what rounding left, largest remainder first.
    const order = shares
      .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
      .sort((a, b) => b.remainder - a.remainder);
    for (let left = available - sum(fitted), k = 0; left > 0 && k < order.length; k++, left--) {
      const index = order[k]!.index;
      fitted[index] = (fitted[index] ?? 0) + 1;
    }
    return fitted;
  }
  let cap = Math.max(...natural);
  const used = (limit: number) => sum(natural.map((width) => Math.min(width, limit)));
  while (cap > 1 && used(cap) > available) cap--;
  const fitted = natural.map((width) => Math.max(1, Math.min(width, cap)));
  let spare = available - sum(fitted);
  for (let index = 0; spare > 0 && index < natural.length; index++) {
    if ((natural[index] ?? 0) > (fitted[index] ?? 0)) {
      fitted[index] = (fitted[index] ?? 0) + 1;
      spare--;
    }
  }
  return fitted;
}

/** Width of the widest single word in some pieces (what a column needs to cut no word). */
function longestWord(pieces: readonly Piece<Paint>[]): number {
  let longest = 0;
  for (const piece of pieces) {
    for (const word of piece.text.split(/[ \t\n]+/)) longest = Math.max(longest, textWidth(word));
  }
  return longest;
}

/**
 * A table too wide for the screen, one record per row: the first cell as the record's title,
 * then `header: value` for each other cell, wrapped under itself. Words wrap whole, so numbers
 * stay in one piece.
 */
function renderTableAsRecords(
  header: readonly Piece<Paint>[][],
  rows: readonly Piece<Paint>[][][],
  width: number,
  r: Renderer,
): string[] {
  const labelled = (index: number, cell: readonly Piece<Paint>[]): Piece<Paint>[] => {
    const label = (header[index] ?? []).map((piece) => piece.text).join('');
    return label.trim() === ''
      ? [...cell]
      : [
          { text: `${label}:`, style: painterFor(r, 'header', [], false) },
          { text: ' ', style: plain },
          ...cell,
        ];
  };
  const hanging = (pieces: Piece<Paint>[], indent: number) =>
    wrapPieces(pieces, Math.max(1, width - indent)).map(
      (line, index) => ' '.repeat(index === 0 ? indent - 2 : indent) + paintLine(line),
    );
  return rows.flatMap((cells, rowIndex) => [
    ...(rowIndex > 0 ? [''] : []),
    ...hanging(labelled(0, cells[0] ?? []), 2),
    ...cells.slice(1).flatMap((cell, index) => hanging(labelled(index + 1, cell), 4)),
  ]);
}

function renderTable(block: Extract<Block, { type: 'table' }>, width: number, r: Renderer) {
  const { chalk } = r;
  const columns = block.header.length;
  const headerPieces = block.header.map((cell) => inlinePieces(cell, r, 'header'));
  const rowPieces = block.rows.map((row) =>
    Array.from({ length: columns }, (_, index) => inlinePieces(row[index] ?? [], r)),
  );
  const natural = Array.from({ length: columns }, (_, index) =>
    Math.max(
      1,
      ...[headerPieces[index] ?? [], ...rowPieces.map((row) => row[index] ?? [])].map((pieces) =>
        lineWidth(wrapPieces(pieces, Number.MAX_SAFE_INTEGER)[0] ?? []),
      ),
    ),
  );
  const minimum = Array.from({ length: columns }, (_, index) =>
    Math.max(
      1,
      ...[headerPieces[index] ?? [], ...rowPieces.map((row) => row[index] ?? [])].map(longestWord),
    ),
  );
  // Borders and padding: "│ " before each column and " │" after the last.
  const overhead = 3 * columns + 1;
  // A grid that cannot give every column its longest word would cut words, numbers among
  // them ("162." over "5"): on such a narrow screen each row becomes a short record instead.
  if (minimum.reduce((total, w) => total + w, 0) > width - overhead) {
    return renderTableAsRecords(headerPieces, rowPieces, width, r);
  }
  const widths = fitColumns(natural, Math.max(columns, width - overhead), minimum);
  const border = (left: string, middle: string, right: string) =>
    chalk.dim(left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right);
  const bar = chalk.dim('│');
  const renderRow = (cells: Piece<Paint>[][]) => {
    const wrapped = cells.map((pieces, index) => wrapPieces(pieces, widths[index] ?? 1));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, lineIndex) => {
      const parts = wrapped.map((lines, index) => {
        const line = lines[lineIndex] ?? [];
        const align: TableAlign = block.align[index] ?? null;
        const gap = (widths[index] ?? 1) - lineWidth(line);
        const padded = ' '.repeat(Math.max(0, gap));
        const text = paintLine(line);
        if (align === 'right') return padded + text;
        if (align === 'center') {
          const left = Math.floor(Math.max(0, gap) / 2);
          return ' '.repeat(left) + text + ' '.repeat(Math.max(0, gap) - left);
        }
        return text + padded;
      });
      return `${bar} ${parts.join(` ${bar} `)} ${bar}`;
    });
  };
  const body = rowPieces.map(renderRow);
  // Once a cell wraps, rules between rows show where one row ends and the next begins.
  const ruled = body.some((lines) => lines.length > 1);
  return [
    border('┌', '┬', '┐'),
    ...renderRow(headerPieces),
    border('├', '┼', '┤'),
    ...body.flatMap((lines, index) =>
      ruled && index > 0 ? [border('├', '┼', '┤'), ...lines] : lines,
    ),
    border('└', '┴', '┘'),
  ];
}

function renderBlock(block: Block, width: number, r: Renderer): string[] {
  switch (block.type) {
    case 'heading':
      return renderHeading(block, width, r);
    case 'paragraph':
      return wrapInline(block.text, width, r);
    case 'list':
      return renderList(block, width, r);
    case 'table':
      return renderTable(block, width, r);
    case 'code':
      return renderCode(block, r);
    case 'math':
      return renderMath(block, r);
    case 'quote':
      return renderQuote(block, width, r);
    case 'rule':
      return [r.chalk.dim('─'.repeat(Math.max(1, width)))];
  }
}

/** Renders blocks to lines, with a blank line between blocks unless `tight` (a tight list). */
function renderBlocks(blocks: readonly Block[], width: number, r: Renderer, spaced = true) {
  const lines: string[] = [];
  for (const block of blocks) {
    const rendered = renderBlock(block, Math.max(1, width), r);
    if (lines.length > 0 && rendered.length > 0 && spaced) lines.push('');
    lines.push(...rendered);
  }
  return lines;
}

/** The title, summary and reading time above the lesson text. */
function renderTitle(lesson: Lesson, width: number, r: Renderer): string[] {
  const { chalk } = r;
  const title = wrapPieces([{ text: lesson.meta.title, style: chalk.bold.cyan }], width);
  const underline = Math.min(width, Math.max(...title.map(lineWidth)));
  return [
    ...title.map(paintLine),
    chalk.cyan('═'.repeat(underline)),
    ...wrapPieces([{ text: lesson.meta.summary, style: chalk.italic }], width).map(paintLine),
    chalk.dim(`${lesson.meta.minutes} min read`),
  ];
}

export function renderLesson(lesson: Lesson, options: RenderOptions): string {
  const width = Math.max(10, options.width);
  const r: Renderer = { chalk: options.chalk, listDepth: 0, painters: new Map() };
  const lines = [...renderTitle(lesson, width, r), '', ...renderBlocks(lesson.blocks, width, r)];
  return `${lines.join('\n')}\n`;
}

/** Renders bare blocks (used for lesson fragments and tests). */
export function renderBlocksToText(blocks: readonly Block[], options: RenderOptions): string {
  const r: Renderer = { chalk: options.chalk, listDepth: 0, painters: new Map() };
  return `${renderBlocks(blocks, Math.max(1, options.width), r).join('\n')}\n`;
}
