import { splitToWidth, textWidth } from './text-width.js';

/**
 * Word wrapping of styled text, kept apart from styling: the input is pieces of text each with
 * a style the wrapper never looks at, the output is lines of pieces. The renderer applies the
 * styles afterwards, so escape codes never count towards the width and never get split.
 */

export interface Piece<S> {
  text: string;
  style: S;
}

/** Breakable white space; a no-break space (U+00A0) deliberately keeps words together. */
function isBreakable(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/**
 * Signs that should not start a line: a formula in prose breaks after them, the way
 * typesetters break `ŷ = w·x + b`, so a line never begins with a dangling "= w·x".
 */
const BINARY_SIGNS = new Set([
  '=',
  '+',
  '−',
  '-',
  '·',
  '×',
  '÷',
  '/',
  '*',
  '<',
  '>',
  '≤',
  '≥',
  '≈',
  '≠',
  '±',
  '→',
  '⇒',
]);

/**
 * Greedy word wrap to `width` columns. White space collapses to single spaces (a space keeps
 * the style of the text it came from); pieces with no space between them form one word
 * (`**bold**,`); a lone operator sign takes the word before it to the next line rather than
 * start a line; words longer than a line are cut.
 *
 * Written as one pass with few allocations: it runs over every word of a lesson at start-up,
 * in a process too young for the optimising compiler to have helped.
 */
export function wrapPieces<S>(pieces: readonly Piece<S>[], width: number): Piece<S>[][] {
  const limit = Math.max(1, width);
  const lines: Piece<S>[][] = [];
  let line: Piece<S>[] = [];
  let lineWidth = 0;
  let word: Piece<S>[] = [];
  let wordWidth = 0;
  // Style of the white space before the word being built.
  let spaceStyle: S | undefined;
  // Where the last word placed on the line starts, the space before it (-1: none), its width.
  let lastStart = 0;
  let lastSpace = -1;
  let lastWidth = 0;

  const place = (parts: Piece<S>[], partsWidth: number) => {
    if (lineWidth > 0 && lineWidth + 1 + partsWidth > limit) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    lastSpace = -1;
    if (lineWidth > 0) {
      lastSpace = line.length;
      line.push({ text: ' ', style: spaceStyle as S });
      lineWidth += 1;
    }
    lastStart = line.length;
    for (const part of parts) line.push(part);
    lineWidth += partsWidth;
    lastWidth = partsWidth;
  };

  /** Moves the last word of the line to a new line (for a sign that must not lead one). */
  const carryLastWord = () => {
    const carried = line.slice(lastStart);
    line.length = lastSpace;
    lines.push(line);
    line = carried;
    lineWidth = lastWidth;
    lastSpace = -1;
    lastStart = 0;
  };

  const endWord = () => {
    if (word.length === 0) return;
    if (
      lastSpace >= 0 &&
      lineWidth + 1 + wordWidth > limit &&
      lastWidth + 1 + wordWidth <= limit &&
      word.length === 1 &&
      BINARY_SIGNS.has(word[0]!.text)
    ) {
      carryLastWord();
    }
    if (wordWidth <= limit) place(word, wordWidth);
    else {
      // Too long for any line: start it on a fresh line and cut it into line-sized parts.
      let chunk: Piece<S>[] = [];
      let chunkWidth = 0;
      for (const piece of word) {
        for (const cut of splitToWidth(piece.text, limit)) {
          const cutWidth = textWidth(cut);
          if (chunkWidth + cutWidth > limit && chunk.length > 0) {
            place(chunk, chunkWidth);
            chunk = [];
            chunkWidth = 0;
          }
          chunk.push({ text: cut, style: piece.style });
          chunkWidth += cutWidth;
        }
      }
      if (chunk.length > 0) place(chunk, chunkWidth);
    }
    word = [];
    wordWidth = 0;
  };

  for (const piece of pieces) {
    const text = piece.text;
    const length = text.length;
    let start = 0;
    while (start < length) {
      let end = start;
      if (isBreakable(text.charCodeAt(start))) {
        while (end < length && isBreakable(text.charCodeAt(end))) end++;
        endWord();
        spaceStyle = piece.style;
      } else {
        while (end < length && !isBreakable(text.charCodeAt(end))) end++;
        const part = start === 0 && end === length ? text : text.slice(start, end);
        word.push({ text: part, style: piece.style });
        wordWidth += textWidth(part);
      }
      start = end;
    }
  }
  endWord();
  lines.push(line);
  return lines;
}

/** Wraps unstyled text: each returned string is at most `width` columns. */
export function wrapText(text: string, width: number): string[] {
  return wrapPieces([{ text, style: null }], width).map((line) =>
    line.map((piece) => piece.text).join(''),
  );
}
