import { describe, expect, it } from 'vitest';
import { charWidth, padToWidth, splitToWidth, textWidth } from '../../src/core/text-width.js';

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
  ])('%s', (_name, text, width) => {
    expect(textWidth(text)).toBe(width);
  });

  it('gives control characters no width', () => {
    expect(charWidth('\u0007')).toBe(0);
  });
});

describe('splitToWidth', () => {
  it('cuts at the width without separating a combining mark from its letter', () => {
    expect(splitToWidth('abcde\u0301fg', 5)).toEqual(['abcde\u0301', 'fg']);
  });

  it('never puts a wide character across the cut', () => {
    expect(splitToWidth('a中文', 2)).toEqual(['a', '中', '文']);
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
