/**
 * Display width of text in a terminal cell grid: combining marks and other zero-width code
 * points take 0 columns, East Asian wide/fullwidth characters and emoji take 2, the rest 1.
 * Lessons are mostly ASCII, so the common case is answered without looking at each character.
 */

// Plain printable ASCII: width is length.
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
// Combining marks, format characters (ZWJ, bidi marks, soft hyphen) and variation selectors.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u;
// Emoji shown as pictures by default are two columns wide.
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;

/** Wide ranges of Unicode's East Asian Width property (W and F), sorted [start, end]. */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  for (const [start, end] of WIDE_RANGES) {
    if (codePoint < start) return false;
    if (codePoint <= end) return true;
  }
  return false;
}

// Lessons reuse a few hundred symbols (ŷ, Σ, ∂, ², subscripts) thousands of times: remember them.
const widthCache = new Map<number, 0 | 1 | 2>();

/** Columns taken by one code point (given as a one-code-point string). */
export function charWidth(char: string): 0 | 1 | 2 {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (codePoint < 0x300) return 1;
  const cached = widthCache.get(codePoint);
  if (cached !== undefined) return cached;
  const width = ZERO_WIDTH.test(char)
    ? 0
    : isWide(codePoint) || EMOJI_PRESENTATION.test(char)
      ? 2
      : 1;
  widthCache.set(codePoint, width);
  return width;
}

/** Columns the text takes on one line. Text must not contain escape sequences. */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/**
 * Cuts text into pieces at most `width` columns wide, never separating a combining mark from
 * its base character. For words longer than a whole line.
 */
export function splitToWidth(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const pieces: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (w > 0 && currentWidth + w > limit && current !== '') {
      pieces.push(current);
      current = '';
      currentWidth = 0;
    }
    current += char;
    currentWidth += w;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Pads text with spaces to `width` columns, on the side the alignment asks for. */
export function padToWidth(
  text: string,
  width: number,
  align: 'left' | 'center' | 'right' | null = 'left',
): string {
  const gap = Math.max(0, width - textWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + text + ' '.repeat(gap - left);
  }
  return text + ' '.repeat(gap);
}

/** Cuts text to at most `width` columns, ending with `…` when anything was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  let used = 0;
  let result = '';
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width - 1) break;
    used += w;
    result += char;
  }
  return `${result.trimEnd()}…`;
}
