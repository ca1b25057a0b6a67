/**
 * The cheap re-check of a cache read back from disk: one scan of the file's text vouches for
 * every string in it, and only then are posts checked by shape alone. Whatever the scan lets
 * through must be exactly what the field-by-field check would have kept.
 */
import { describe, expect, it } from 'vitest';
import { cleanStoredItems, isCleanJsonText, type FeedItem } from '../../src/feed/core/item.js';

const post: FeedItem = {
  id: 'https://lab.test/posts/1',
  source: 'lab',
  title: 'A “quoted” title — with a dash, \\ a backslash and "quotes"',
  link: 'https://lab.test/posts/1',
  published: '2026-11-10T04:00:00.000Z',
  summary: 'Straße, 東京, café 👩‍💻 and ❤️: text as feeds have it.',
  categories: ['Research'],
  authors: ['A. Author'],
  topics: ['nlp'],
};

/** What pixel writes: JSON.stringify and a final newline. */
const asWritten = (value: unknown) => `${JSON.stringify(value)}\n`;

describe('isCleanJsonText', () => {
  it('vouches for a cache as pixel writes it, final newline included', () => {
    expect(isCleanJsonText(asWritten({ version: 2, items: [post, post] }))).toBe(true);
  });

  it.each([
    ['an escape sequence, as JSON escapes it', { ...post, title: 'x \u001b[31m red' }],
    ['a newline inside a string', { ...post, summary: 'two\nlines' }],
    ['a tab inside a string', { ...post, title: 'a\tb' }],
    ['a C1 control, which JSON leaves raw', { ...post, title: 'x \u009b31m' }],
    ['a zero-width space, raw', { ...post, title: 'x\u200by' }],
    ['a bidi override, raw', { ...post, title: 'x\u202ey' }],
    ['a line separator, raw', { ...post, summary: 'a\u2028b' }],
    ['a tag character, raw', { ...post, title: 'x\u{e0041}' }],
    ['a lone surrogate, which JSON escapes', { ...post, title: 'x\ud800y' }],
    ['a Hangul filler, raw', { ...post, title: 'x\u3164y' }],
  ])('does not vouch for %s', (_name, item) => {
    expect(isCleanJsonText(asWritten({ version: 2, items: [item] }))).toBe(false);
  });

  it('does not vouch for a \\u escape of an ordinary character (the scan does not decode)', () => {
    expect(isCleanJsonText('{"title":"caf\\u00e9"}')).toBe(false);
  });

  it('walks escapes in pairs: an escaped backslash before an n is text, one before \\n is not', () => {
    expect(isCleanJsonText(asWritten({ version: 2, items: [{ ...post, title: 'C:\\new' }] }))).toBe(
      true,
    );
    expect(isCleanJsonText(asWritten({ version: 2, items: [{ ...post, title: 'x\\\ny' }] }))).toBe(
      false,
    );
    expect(
      isCleanJsonText(asWritten({ version: 2, items: [{ ...post, title: 'say "hi"' }] })),
    ).toBe(true);
  });

  it('does not vouch for a pretty-printed file', () => {
    expect(isCleanJsonText(JSON.stringify({ items: [post] }, null, 2))).toBe(false);
  });
});

describe('cleanStoredItems with the text vouched for', () => {
  it('keeps the same posts as the field-by-field check', () => {
    const list = [
      post,
      { ...post, id: 'b', link: null, published: null, categories: [], authors: [] },
      { ...post, id: 'c', link: 'javascript:alert(1)' },
      { ...post, id: 'd', link: 'https://lab.test/a b' },
      { ...post, id: 'e', published: 'yesterday' },
      { ...post, id: '' },
      { ...post, id: 'f', title: 'x'.repeat(401) },
      { ...post, id: 'g', categories: ['ok', 3] },
      { ...post, id: 'h', topics: [''] },
      { nonsense: true },
      'not a post',
      null,
    ];
    const text = asWritten(list);
    expect(isCleanJsonText(text)).toBe(true);
    const parsed = JSON.parse(text) as unknown[];
    const vouched = cleanStoredItems(parsed, { textIsClean: true });
    expect(vouched).toEqual(cleanStoredItems(JSON.parse(text)));
    expect(vouched?.map((item) => item.id)).toEqual([
      'https://lab.test/posts/1',
      'b',
      'c',
      'd',
      'e',
      'f',
      'h',
    ]);
    expect(vouched?.find((item) => item.id === 'c')?.link).toBeNull();
  });
});
