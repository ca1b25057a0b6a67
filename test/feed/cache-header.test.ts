import { describe, expect, it } from 'vitest';
import { cacheHeader, CACHE_VERSION } from '../../src/feed/io/cache-store.js';

const post = { id: 'a', source: 's', title: 'A post', link: null, published: null, summary: '' };
const written = (value: Record<string, unknown>) => `${JSON.stringify(value)}\n`;

describe('cacheHeader', () => {
  it('reads the validators and dates that precede the posts', () => {
    const text = written({
      version: CACHE_VERSION,
      url: 'https://lab.test/feed.xml',
      etag: '"v1"',
      lastModified: 'Thu, 20 Aug 2026 17:00:00 GMT',
      checkedAt: '2026-12-01T10:00:00.000Z',
      items: [post],
    });
    expect(cacheHeader(text)).toEqual({
      url: 'https://lab.test/feed.xml',
      etag: '"v1"',
      lastModified: 'Thu, 20 Aug 2026 17:00:00 GMT',
      checkedAt: '2026-12-01T10:00:00.000Z',
    });
  });

  it('is not fooled by the key’s text inside a value, which JSON escapes', () => {
    const text = written({
      version: CACHE_VERSION,
      url: 'https://lab.test/feed.xml',
      etag: ',"items":[',
      checkedAt: '2026-12-01T10:00:00.000Z',
      items: [post],
    });
    expect(cacheHeader(text)?.etag).toBe(',"items":[');
  });

  it('drops a validator that could not be sent back in a request header', () => {
    const header = cacheHeader(
      written({
        version: CACHE_VERSION,
        url: 'https://lab.test/feed.xml',
        etag: 'x\r\nInjected: 1',
        lastModified: 'Thu, 20 Aug 2026 17:00:00 GMT',
        checkedAt: '2026-12-01T10:00:00.000Z',
        items: [post],
      }),
    );
    expect(header).not.toHaveProperty('etag');
    expect(header?.lastModified).toBe('Thu, 20 Aug 2026 17:00:00 GMT');
  });

  it('is undefined for what is not a header pixel wrote, so the whole file is read instead', () => {
    const checkedAt = '2026-12-01T10:00:00.000Z';
    const url = 'https://lab.test/feed.xml';
    for (const text of [
      '',
      '{ not json',
      written({ version: CACHE_VERSION, url, checkedAt }),
      written({ version: CACHE_VERSION - 1, url, checkedAt, items: [] }),
      written({ version: CACHE_VERSION, url: 3, checkedAt, items: [] }),
      written({ version: CACHE_VERSION, url, checkedAt: 'yesterday', items: [] }),
    ])
      expect(cacheHeader(text), text).toBeUndefined();
  });
});
