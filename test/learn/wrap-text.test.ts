import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/shared/core/text-width.js';
import { wrapPieces, wrapText } from '../../src/shared/core/wrap-text.js';

const PROSE =
  'Gradient descent takes a small step against the gradient, ∂MSE/∂w = (2/n)·Σᵢ (ŷᵢ − yᵢ)·xᵢ, ' +
  'again and again, until the loss stops falling. 中文 and 🚀 are wide; a https://example.com/a/very/long/address/that/cannot/fit is cut.';

describe('wrapText', () => {
  it.each([20, 40, 80, 120])('keeps every line within %i columns', (width) => {
    const lines = wrapText(PROSE, width);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
    // Nothing is lost or reordered (a cut word loses no character either).
    expect(lines.join('').replace(/\s+/g, '')).toBe(PROSE.replace(/\s+/g, ''));
  });

  it('wraps at 40 columns', () => {
    expect(wrapText('the quick brown fox jumps over the lazy dog and keeps running far away', 40))
      .toMatchInlineSnapshot(`
      [
        "the quick brown fox jumps over the lazy",
        "dog and keeps running far away",
      ]
    `);
  });

  it('never starts a line with a lone operator sign', () => {
    expect(wrapText('the model is ŷ = w·x + b here', 14)).toEqual([
      'the model is',
      'ŷ = w·x + b',
      'here',
    ]);
    expect(wrapText('so that ŷ = w·x', 9)).toEqual(['so that', 'ŷ = w·x']);
    expect(wrapText('errors (yᵢ − ŷᵢ) summed', 6)).toEqual(['errors', '(yᵢ −', 'ŷᵢ)', 'summed']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('collapses runs of white space and keeps no-break spaces', () => {
    expect(wrapText('a  b\n\tc 10\u00a0ms', 80)).toEqual(['a b c 10\u00a0ms']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapText('', 10)).toEqual(['']);
  });
});

describe('wrapPieces', () => {
  it('keeps styles on their text (spaces too) and glues pieces with no space between them', () => {
    const lines = wrapPieces(
      [
        { text: 'see ', style: 'P' },
        { text: 'the link', style: 'L' },
        { text: ', then go', style: 'P' },
      ],
      13,
    );
    // Each piece as style:text; "link," stays one word although it mixes two styles.
    expect(lines.map((line) => line.map((piece) => `${piece.style}:${piece.text}`))).toEqual([
      ['P:see', 'P: ', 'L:the', 'L: ', 'L:link', 'P:,'],
      ['P:then', 'P: ', 'P:go'],
    ]);
  });
});
