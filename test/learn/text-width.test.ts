import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  padToWidth,
  splitToWidth,
  textWidth,
  truncateToWidth,
} from '../../src/shared/core/text-width.js';

describe('textWidth', () => {
  it.each([
    ['plain ASCII', 'hello world', 11],
    ['empty', '', 0],
    ['Latin with a precomposed accent', 'café', 4],
    ['a combining accent takes no column', 'cafe\u0301', 4],
    ['maths symbols are narrow', 'ŷ = w·x + b, Σ ∂ ² ᵢ −', 22],
    ['CJK is wide', '中文', 4],
    ['fullwidth forms are wide', 'ＡＢ', 4],
    ['emoji are wide', '🚀ok', 4],
    ['a zero-width joiner takes no column', 'a\u200db', 2],
    ['a soft hyphen takes no column', 'co\u00adoperate', 9],
    ['a variation selector takes no column', 'x\ufe0f', 1],
    [
      'a family emoji (ZWJ sequence) is one wide picture',
      '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}',
      2,
    ],
    ['a flag (regional indicator pair) is one wide picture', '\u{1f1eb}\u{1f1f7}', 2],
    ['Hangul syllables are wide', '한국어', 6],
    ['halfwidth katakana is narrow', 'ｱｲ', 2],
    ['control characters take no column', 'a\u0007b', 2],
  ])('%s', (_name, text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});

describe('splitToWidth', () => {
  it('cuts at the width without separating a combining mark from its letter', () => {
    expect(splitToWidth('abcde\u0301fg', 5)).toEqual(['abcde\u0301', 'fg']);
  });

  it('never puts a wide character across the cut', () => {
    expect(splitToWidth('a中文', 2)).toEqual(['a', '中', '文']);
  });

  it('keeps an emoji sequence whole', () => {
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    expect(splitToWidth(`ab${family}c`, 3)).toEqual(['ab', `${family}c`]);
  });
});

describe('truncateToWidth', () => {
  it('cuts by display width and marks the cut', () => {
    expect(truncateToWidth('hello world', 8)).toBe('hello w…');
    expect(truncateToWidth('hello world', 7)).toBe('hello…');
    expect(truncateToWidth('中文中文', 5)).toBe('中文…');
    expect(truncateToWidth('short', 5)).toBe('short');
    expect(truncateToWidth('cafe\u0301 au lait', 5)).toBe('cafe\u0301…');
  });
});

describe('padToWidth', () => {
  it('pads by display width on the side asked for', () => {
    expect(padToWidth('中', 4)).toBe('中  ');
    expect(padToWidth('ab', 4, 'right')).toBe('  ab');
    expect(padToWidth('ab', 5, 'center')).toBe(' ab  ');
    expect(padToWidth('toolong', 3)).toBe('toolong');
  });
});

describe('agreement with string-width', () => {
  it('on every code point of the planes in use', () => {
    const differences: string[] = [];
    // Every code point of the first two planes and of plane 14 (tags, variation selectors);
    // planes 2 and 3 (CJK ideographs, all wide) and the private-use planes, one in 64.
    for (
      let cp = 0;
      cp <= 0x10ffff;
      cp += cp < 0x20000 || (cp >= 0xe0000 && cp < 0xf0000) ? 1 : 64
    ) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (cp !== 0x1b && cp !== 0x9b && textWidth(char) !== stringWidth(char)) {
        differences.push(cp.toString(16));
      }
    }
    expect(differences).toEqual([]);
  });

  it.each([
    '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}',
    '\u{1f44d}\u{1f3fd} ok',
    '\u2764\ufe0f and \u2764',
    '1\ufe0f\u20e3 #\u20e3 *\ufe0f\u20e3',
    '\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
    '\u{1f1eb}\u{1f1f7}\u{1f1ef}\u{1f1f5}',
    '\u{1f3f3}\ufe0f\u200d\u{1f308}',
    '\u1100\u1161\u11a8 \u1100\u1161 \uac00\u11a8 \u1161',
    '\u0915\u094d\u0937\u093f',
    '\u0e01\u0e33 \u0e19\u0e49\u0e33',
    'ｶﾞｷﾞ ＡＢＣ',
    'e\u0301\u0302\u0303 x\u20dd',
  ])('on %j', (text) => {
    expect(textWidth(text)).toBe(stringWidth(text));
  });

  it('on every word of the lessons', () => {
    const folder = join(import.meta.dirname, '..', '..', 'lessons');
    const words = readdirSync(folder)
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => readFileSync(join(folder, name), 'utf8').split(/\s+/));
    const differing = words.filter((word) => textWidth(word) !== stringWidth(word));
    expect(differing).toEqual([]);
  });
});
