import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/shared/core/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['CSI colour', 'a\u001b[31mred\u001b[0m b', 'ared b'],
    ['cursor movement and clear screen', 'x\u001b[2J\u001b[H\u001b[10;5fy', 'xy'],
    ['OSC title ended by BEL', 'a\u001b]0;owned\u0007b', 'ab'],
    [
      'OSC 8 hyperlink ended by ST',
      '\u001b]8;;https://evil\u001b\\click\u001b]8;;\u001b\\',
      'click',
    ],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['backspace and bell', 'ab\u0008\u0008cd\u0007', 'abcd'],
    ['bidi override', 'abc\u202edef', 'abcdef'],
    ['lone escape', 'a\u001bb', 'a'],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('keeps newlines, tabs and ordinary Unicode', () => {
    expect(sanitizeText('ŷ = w·x + b\n\tΣ ∂ ² 你好 🙂')).toBe('ŷ = w·x + b\n\tΣ ∂ ² 你好 🙂');
  });

  it('normalises CRLF and bare CR, which could rewrite a line on screen', () => {
    expect(sanitizeText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('folds to a single line when asked', () => {
    expect(sanitizeText('  a\n\n b\t c \u001b[1m ', { singleLine: true })).toBe('a b c');
  });
});
