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

/** A word: pieces with no breakable space between them (`**bold**,` is one word). */
interface Word<S> {
  pieces: Piece<S>[];
  width: number;
  /** Style of the space that preceded this word, so an underlined link stays underlined. */
  spaceStyle: S | undefined;
}

// Breakable white space; a no-break space (U+00A0) deliberately keeps words together.
const BREAKABLE = /[ \t\n\r]+/;

function toWords<S>(pieces: readonly Piece<S>[]): Word<S>[] {
  const words: Word<S>[] = [];
  let current: Word<S> | undefined;
  let pendingSpace: S | undefined;
  let sawSpace = false;
  for (const piece of pieces) {
    const parts = piece.text.split(BREAKABLE);
    parts.forEach((part, index) => {
      if (index > 0) {
        // A break between parts: close the current word.
        if (current) words.push(current);
        current = undefined;
        sawSpace = true;
        pendingSpace = piece.style;
      }
      if (part === '') return;
      if (!current) {
        current = {
          pieces: [],
          width: 0,
          spaceStyle: sawSpace && words.length > 0 ? pendingSpace : undefined,
        };
        sawSpace = false;
      }
      current.pieces.push({ text: part, style: piece.style });
      current.width += textWidth(part);
    });
  }
  if (current) words.push(current);
  return words;
}

/** Splits a word wider than a line into line-sized words. */
function breakLongWord<S>(word: Word<S>, width: number): Word<S>[] {
  const out: Word<S>[] = [];
  let current: Word<S> = { pieces: [], width: 0, spaceStyle: word.spaceStyle };
  for (const piece of word.pieces) {
    let rest = piece.text;
    while (rest !== '') {
      const room = width - current.width;
      const [head = '', ...tail] = splitToWidth(rest, room > 0 ? room : width);
      const headWidth = textWidth(head);
      if (current.width > 0 && current.width + headWidth > width) {
        out.push(current);
        current = { pieces: [], width: 0, spaceStyle: undefined };
        continue;
      }
      current.pieces.push({ text: head, style: piece.style });
      current.width += headWidth;
      rest = tail.join('');
      if (rest !== '') {
        out.push(current);
        current = { pieces: [], width: 0, spaceStyle: undefined };
      }
    }
  }
  if (current.pieces.length > 0) out.push(current);
  return out;
}

/**
 * Greedy word wrap to `width` columns. White space collapses to single spaces (a space keeps
 * the style of the text it came from); words longer than a line are cut.
 */
export function wrapPieces<S>(pieces: readonly Piece<S>[], width: number): Piece<S>[][] {
  const limit = Math.max(1, width);
  const lines: Piece<S>[][] = [];
  let line: Piece<S>[] = [];
  let lineWidth = 0;
  const flush = () => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  for (const whole of toWords(pieces)) {
    const words = whole.width > limit ? breakLongWord(whole, limit) : [whole];
    for (const word of words) {
      const spaced = lineWidth > 0;
      if (spaced && lineWidth + 1 + word.width > limit) flush();
      if (lineWidth > 0) {
        line.push({ text: ' ', style: word.spaceStyle ?? (line.at(-1)?.style as S) });
        lineWidth += 1;
      }
      line.push(...word.pieces);
      lineWidth += word.width;
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Wraps unstyled text: each returned string is at most `width` columns. */
export function wrapText(text: string, width: number): string[] {
  return wrapPieces([{ text, style: null }], width).map((line) =>
    line.map((piece) => piece.text).join(''),
  );
}
