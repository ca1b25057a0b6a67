import { describe, expect, it } from 'vitest';
import { isCleanLine, sanitizeText } from '../../src/shared/core/sanitize.js';

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

describe('isCleanLine', () => {
  // The rule as one Unicode pattern, tested on the whole text: isCleanLine looks only at the
  // runs outside printable ASCII, and must agree with it on every code point, in any context.
  const NEEDS_WORK =
    // eslint-disable-next-line no-control-regex -- the rule is about control characters
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufff9-\ufffb]|(?!\u200d|\ufe0e|\ufe0f)\p{Default_Ignorable_Code_Point}/u;

  it('agrees with the whole-text pattern on every code point, beside ASCII and inside a run', () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      // Between ASCII letters, and within a run of other characters outside ASCII.
      for (const text of [`a${char}b`, `é${char}—`]) {
        if (isCleanLine(text) === !NEEDS_WORK.test(text)) continue;
        disagreements.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('finds the one character to remove in a long text', () => {
    const long = `${'ascii words '.repeat(5000)}“quoted” — ok`;
    expect(isCleanLine(long)).toBe(true);
    expect(isCleanLine(`${long}\u200b`)).toBe(false);
    expect(isCleanLine(`${long.slice(0, 30000)}\u001b[31m${long}`)).toBe(false);
    expect(isCleanLine(`👩\u200d💻 ${long}`)).toBe(true);
  });
});
