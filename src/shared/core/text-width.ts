import { eastAsianWidth } from 'get-east-asian-width';
import { onFirstUse } from './on-first-use.js';

/**
 * Display width of text in a terminal cell grid, by string-width's rules (the library ink
 * uses): East Asian Width from get-east-asian-width, ambiguous as narrow; no width for controls,
 * format and default-ignorable characters (the soft hyphen, ZWJ, variation selectors) and
 * non-spacing marks; two columns for an emoji picture, however many code points spell it.
 *
 * string-width itself is not called: it builds an Intl.Segmenter as it loads, which costs more
 * start-up than the rest of `pixel learn` (measured with callgrind: +290M instructions, against
 * +146M for the whole command). So the text is read one code point at a time, carrying the
 * little a grapheme cluster needs (an emoji ZWJ sequence, VS16, a keycap, a skin tone, Hangul
 * jamo). test/learn/text-width.test.ts holds the result equal to string-width on every code
 * point, the lessons and a set of emoji and Hangul sequences.
 * Text must not contain escape sequences.
 */

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const zeroWidth = onFirstUse(
  () =>
    /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]$/u,
);
const emojiPresentation = onFirstUse(() => /^\p{Emoji_Presentation}$/u);
const pictographic = onFirstUse(() => /^\p{Extended_Pictographic}$/u);

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const COMBINING_KEYCAP = 0x20e3;
const isKeycapBase = (cp: number) => (cp >= 0x30 && cp <= 0x39) || cp === 0x23 || cp === 0x2a;
const isSkinTone = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isLeadingJamo = (cp: number) =>
  (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c);
const isVowelJamo = (cp: number) =>
  (cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6);
const isTrailingJamo = (cp: number) =>
  (cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb);
const isHangulSyllable = (cp: number) => cp >= 0xac00 && cp <= 0xd7a3;
const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
/** Viramas that join two consonants into one conjunct (Unicode's InCB=Linker). */
const LINKERS = new Set([0x094d, 0x09cd, 0x0acd, 0x0b4d, 0x0c4d, 0x0d4d]);
/** Thai and Lao SARA AM: letters, yet they extend the cluster before them. */
const isSaraAm = (cp: number) => cp === 0x0e33 || cp === 0x0eb3;
const letter = onFirstUse(() => /^\p{L}$/u);

// Lessons and feeds reuse a few hundred symbols (ŷ, Σ, ∂, ², subscripts) many times.
const cache = new Map<number, number>();

/** Width of a code point that starts a cluster. */
function ownWidth(cp: number, char: string): number {
  if (cp < 0x7f) return cp < 0x20 ? 0 : 1;
  let width = cache.get(cp);
  if (width === undefined) {
    if (zeroWidth().test(char)) width = 0;
    // A lone regional indicator is a letter; a pair is a flag (see eachCluster).
    else if (isRegionalIndicator(cp)) width = 1;
    else if (emojiPresentation().test(char)) width = 2;
    else width = eastAsianWidth(cp);
    cache.set(cp, width);
  }
  return width;
}

/** What the cluster read so far is, as far as the next code point cares. */
type Cluster =
  | 'other'
  /** An emoji picture, two columns: ZWJ + pictograph and skin tones join it. */
  | 'picture'
  /** A pictograph shown as text (one column) until a VS16 makes it a picture. */
  | 'text-pictograph'
  /** 0-9, # or *, which VS16 and U+20E3 turn into a keycap picture. */
  | 'keycap-base'
  | 'leading-jamo'
  | 'jamo-syllable'
  /** One regional indicator: the next one makes a two-column flag. */
  | 'half-flag';

/**
 * Calls `visit` with each grapheme cluster (as far as width cares) and its columns: a mark, a
 * joined emoji, a skin tone, VS16 or a keycap sign stays with the character before it.
 */
function eachCluster(text: string, visit: (cluster: string, width: number) => void): void {
  let kind: Cluster = 'other';
  let afterZwj = false;
  let afterLinker = false;
  let current = '';
  let currentWidth = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    let joins = true;
    let width = 0;
    if (kind === 'picture' && ((afterZwj && pictographic().test(char)) || isSkinTone(cp))) {
      width = 0;
    } else if (cp === VS16 && (kind === 'text-pictograph' || kind === 'keycap-base')) {
      // ❤ + VS16 is a picture; a keycap waits for its U+20E3.
      if (kind === 'text-pictograph') {
        width = 1;
        kind = 'picture';
      }
    } else if (kind === 'half-flag' && isRegionalIndicator(cp)) {
      width = 1;
      kind = 'picture';
    } else if (current !== '' && (isSaraAm(cp) || (afterLinker && letter().test(char)))) {
      // A conjunct (consonant + virama + consonant) and SARA AM stay in one cluster.
      width = 0;
    } else if (cp === COMBINING_KEYCAP && kind === 'keycap-base') {
      width = 1;
      kind = 'picture';
    } else if (kind === 'leading-jamo' && isVowelJamo(cp)) {
      // A Hangul syllable spelt with conjoining jamo takes the two columns of its first one.
      kind = 'jamo-syllable';
    } else if (kind === 'jamo-syllable' && isTrailingJamo(cp)) {
      kind = 'other';
    } else {
      width = ownWidth(cp, char);
      joins = width === 0 && current !== '';
      if (!joins) {
        kind = isHangulSyllable(cp)
          ? 'jamo-syllable'
          : isLeadingJamo(cp)
            ? 'leading-jamo'
            : isKeycapBase(cp)
              ? 'keycap-base'
              : isRegionalIndicator(cp)
                ? 'half-flag'
                : pictographic().test(char)
                  ? width === 2
                    ? 'picture'
                    : 'text-pictograph'
                  : 'other';
      }
    }
    if (!joins && current !== '') {
      visit(current, currentWidth);
      current = '';
      currentWidth = 0;
    }
    current += char;
    currentWidth += width;
    afterZwj = cp === ZWJ;
    afterLinker = LINKERS.has(cp);
  }
  if (current !== '') visit(current, currentWidth);
}

/** Columns the text takes on one line. */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let total = 0;
  eachCluster(text, (_cluster, width) => {
    total += width;
  });
  return total;
}

/** Cuts text into pieces at most `width` columns wide. For words longer than a whole line. */
export function splitToWidth(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const pieces: string[] = [];
  let current = '';
  let currentWidth = 0;
  eachCluster(text, (cluster, w) => {
    if (w > 0 && currentWidth + w > limit && current !== '') {
      pieces.push(current);
      current = '';
      currentWidth = 0;
    }
    current += cluster;
    currentWidth += w;
  });
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
  let full = false;
  eachCluster(text, (cluster, w) => {
    if (full || used + w > width - 1) {
      full = true;
      return;
    }
    used += w;
    result += cluster;
  });
  return `${result.trimEnd()}…`;
}
