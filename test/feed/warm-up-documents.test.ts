/**
 * The documents the XML parser is warmed up on while requests are in flight. Warming stops at
 * the first error, silently (it is only an optimisation), so a document that no longer parses
 * would quietly leave every refresh to cold code: each one must parse into posts. The varied
 * ones exist to run the parser's rarer states (markup outside the root, spaced and
 * single-quoted attributes, CDATA with brackets and line breaks, character references,
 * non-ASCII text); their posts must come out as a real feed's would.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed, warmUpDocuments } from '../../src/feed/io/parse-feed.js';

const parse = (bytes: Uint8Array, contentType?: string) =>
  parseFeed({ bytes, contentType, sourceId: 'warm-up', feedUrl: 'https://warm.up/feed' });

describe('warm-up documents', () => {
  it('each parses into posts, with or without a charset in the Content-Type', async () => {
    const documents = warmUpDocuments();
    expect(documents.length).toBeGreaterThan(10);
    for (const [index, bytes] of documents.entries()) {
      const contentType = index % 2 ? 'application/rss+xml; charset=utf-8' : undefined;
      const parsed = await parse(bytes, contentType);
      expect(parsed.items.length, `document ${index}`).toBeGreaterThan(0);
    }
  });

  it('the varied syntax gives the posts a plainly written feed would', async () => {
    const text = new TextDecoder();
    const varied = warmUpDocuments().find((bytes) =>
      text.decode(bytes).includes('<?xml-stylesheet'),
    );
    expect(varied).toBeDefined();
    const { items } = await parse(varied as Uint8Array, 'text/xml');
    expect(items).toHaveLength(8);
    const [first, second, , fourth] = items;
    expect(first?.title).toBe('“Warm-up” note 0 — the lab’s robots, vision & language');
    expect(first?.link).toBe('https://warm.up/news/0?from=feed&n=0');
    expect(first?.authors).toEqual(['Ada Lovelace']);
    expect(first?.categories).toEqual(['Announcements']);
    // Both date styles: ISO 8601 with an offset, and RFC 822 with a numeric zone.
    expect(first?.published).toBe('2026-08-01T17:00:00.000Z');
    expect(second?.published).toBe('2026-08-02T01:00:00.000Z');
    expect(second?.summary).toBe('');
    // A character reference in text, and CDATA holding brackets and line breaks.
    expect(items[2]?.summary).toMatch(/^How the lab’s models learn models .* & more$/);
    expect(fourth?.summary).toMatch(/^How the lab’s “models” learn \[1\] models .*\[a\]$/);
  });
});
