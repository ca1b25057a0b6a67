import { describe, expect, it } from 'vitest';
import { normalizeItems, safeLink, textOf } from '../../src/feed/core/normalize.js';
import { linkKey, mergeItems, sortNewestFirst } from '../../src/feed/core/merge.js';
import { filterItems } from '../../src/feed/core/filter.js';
import type { FeedItem } from '../../src/feed/core/item.js';
import { escapeBareAmpersands, refusalReason, repairAtom } from '../../src/feed/core/repair-xml.js';
import { emitOpml, parseOpml } from '../../src/feed/core/opml.js';
import { makeSourceId, resolveSources, type FeedSource } from '../../src/feed/core/source.js';

const FEED = 'https://lab.test/blog/feed.xml';
const nullProto = (value: object) => Object.assign(Object.create(null) as object, value);

describe('textOf', () => {
  it('reads strings out of the objects xml2js produces', () => {
    expect(textOf('plain')).toBe('plain');
    expect(textOf(nullProto({ _: 'AI', $: { domain: 'd' } }))).toBe('AI');
    expect(textOf(nullProto({ $: { isPermaLink: 'false' } }))).toBe('');
    expect(textOf(nullProto({ div: [{ _: 'xhtml', b: ['title'] }] }))).toBe('xhtml');
    expect(textOf(nullProto({ name: ['Jane'], title: ['Editor'] }))).toBe('Jane Editor');
    expect(textOf(['first', 'second'])).toBe('first second');
  });
});

describe('safeLink', () => {
  it('keeps http(s) only, resolves relative links and drops credentials', () => {
    expect(safeLink('/post/1', FEED)).toBe('https://lab.test/post/1');
    expect(safeLink('post/2', FEED)).toBe('https://lab.test/blog/post/2');
    expect(safeLink('javascript:alert(1)', FEED)).toBeNull();
    expect(safeLink(' JAVASCRIPT:alert(1)', FEED)).toBeNull();
    expect(safeLink('data:text/html,x', FEED)).toBeNull();
    expect(safeLink('file:///etc/passwd', FEED)).toBeNull();
    expect(safeLink('https://user:pw@lab.test/x', FEED)).toBe('https://lab.test/x');
    expect(safeLink('https://lab.test/a b\u001b[31m', FEED)).toBe('https://lab.test/a%20b%1B[31m');
  });
});

describe('normalizeItems', () => {
  it('coerces every field and falls back guid → id → link → hash for the id', () => {
    const items = normalizeItems({
      sourceId: 'lab',
      feedUrl: FEED,
      items: [
        nullProto({
          title: nullProto({ _: 'Object <b>title</b>', $: { type: 'html' } }),
          link: '/one',
          guid: nullProto({ $: { isPermaLink: 'false' } }),
          pubDate: 'Tue, 10 Nov 2026 04:00:00 +0000',
          categories: [nullProto({ _: 'AI', $: { domain: 'x' } }), 'AI', 'Safety'],
          content: '<p>Body &amp; more</p>',
        }),
        { title: 'Atom', id: 'urn:x:2', link: 'https://lab.test/two', pubDate: 'junk' },
        { title: 'No id, no link', pubDate: '2026-11-01' },
        { description: 'no title and no link: skipped' },
      ],
    });
    expect(items).toEqual([
      {
        id: 'https://lab.test/one',
        source: 'lab',
        title: 'Object title',
        link: 'https://lab.test/one',
        published: '2026-11-10T04:00:00.000Z',
        summary: 'Body & more',
        categories: ['AI', 'Safety'],
        authors: [],
        topics: ['safety'],
      },
      {
        id: 'urn:x:2',
        source: 'lab',
        title: 'Atom',
        link: 'https://lab.test/two',
        published: null,
        summary: '',
        categories: [],
        authors: [],
        topics: [],
      },
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      expect.objectContaining({ id: expect.stringMatching(/^sha:[0-9a-f]{14}$/), link: null }),
    ]);
  });

  it('drops a summary that only repeats the title, and the title prefix of one', () => {
    const [same, prefixed] = normalizeItems({
      sourceId: 'lab',
      feedUrl: FEED,
      items: [
        { title: 'Hello', link: '/a', content: 'Hello' },
        { title: 'Hello', link: '/b', content: 'Hello and more words' },
      ],
    });
    expect(same?.summary).toBe('');
    expect(prefixed?.summary).toBe('and more words');
  });
});

const post = (id: string, source: string, published: string | null, link?: string): FeedItem => ({
  id,
  source,
  title: id,
  link: link ?? `https://lab.test/${id}`,
  published,
  summary: '',
  categories: [],
  authors: [],
  topics: [],
});

describe('merge, sort and filter', () => {
  it('sorts newest first, keeps order for ties and puts undated last', () => {
    const items = [
      post('undated', 'a', null),
      post('old', 'a', '2026-01-01T00:00:00Z'),
      post('tie-1', 'a', '2026-06-01T00:00:00Z'),
      post('tie-2', 'b', '2026-06-01T00:00:00Z'),
      post('new', 'b', '2026-09-01T00:00:00Z'),
    ];
    expect(sortNewestFirst(items).map((i) => i.id)).toEqual([
      'new',
      'tie-1',
      'tie-2',
      'old',
      'undated',
    ]);
  });

  it('removes the same post listed by two sources or with a different scheme/www/slash', () => {
    const merged = mergeItems([
      [post('x', 'a', '2026-06-01T00:00:00Z', 'https://www.lab.test/x/?utm_source=rss')],
      [
        post('y', 'b', '2026-06-01T00:00:00Z', 'http://lab.test/x'),
        post('z', 'b', '2026-06-01T00:00:00Z', 'https://lab.test/x?source=b'),
      ],
    ]);
    expect(merged.map((i) => i.id)).toEqual(['x', 'z']);
    expect(linkKey('HTTP://WWW.Lab.TEST/Path/?utm_source=a&id=3#top')).toBe('lab.test/Path?id=3');
    expect(linkKey('https://www.Lab.test/x/#frag')).toBe('lab.test/x');
  });

  it('keys every shape of link as the rule spelled out in full does', () => {
    const tracking = /^(utm_[^=]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi)(=|$)/i;
    // The rule step by step: scheme, www. and fragment dropped, host lower-cased, trailing
    // slashes dropped, tracking parameters dropped from the query.
    const reference = (link: string) => {
      const scheme = link.indexOf('://');
      if (scheme < 0) return link;
      const rest = link.slice(scheme + 3).split('#')[0] ?? '';
      const [address = '', ...queryParts] = rest.split('?');
      const slash = address.indexOf('/') < 0 ? address.length : address.indexOf('/');
      const host = address
        .slice(0, slash)
        .replace(/^www\./i, '')
        .toLowerCase();
      const path = address.slice(slash).replace(/\/+$/, '');
      const query = queryParts
        .join('?')
        .split('&')
        .filter((pair) => pair && !tracking.test(pair))
        .join('&');
      return query && queryParts.length > 0 ? `${host}${path}?${query}` : host + path;
    };
    const schemes = ['https://', 'HTTP://', 'plain-'];
    const hosts = ['lab.test', 'www.lab.test', 'WWW.Lab.Test', 'Lab.test:8080', 'x.io'];
    const paths = ['', '/', '/a', '/Posts/One/', '/a//', '/a/b.html'];
    const tails = ['', '?', '?utm_source=x', '?id=3&utm_medium=y', '?a=1&b=2', '#top', '?id=1#f'];
    for (const scheme of schemes) {
      for (const host of hosts) {
        for (const path of paths) {
          for (const tail of tails) {
            const link = `${scheme}${host}${path}${tail}`;
            expect(linkKey(link), link).toBe(reference(link));
          }
        }
      }
    }
  });

  it('filters by date, every search word, topic and a predicate', () => {
    const items = [
      { ...post('a', 'openai', '2026-11-20T00:00:00Z'), title: 'Reinforcement learning at scale' },
      { ...post('b', 'bair', '2026-10-01T00:00:00Z'), title: 'Learning to plan' },
      { ...post('c', 'bair', null), title: 'Undated learning' },
    ];
    const since = new Date('2026-11-01T00:00:00Z');
    expect(filterItems(items, { since }).map((i) => i.id)).toEqual(['a']);
    expect(filterItems(items, { search: 'LEARNING reinforcement' }).map((i) => i.id)).toEqual([
      'a',
    ]);
    expect(
      filterItems(items, { search: 'berkeley' }, new Map([['bair', 'Berkeley AI']])).map(
        (i) => i.id,
      ),
    ).toEqual(['b', 'c']);
    const tagged = [
      { ...items[0]!, topics: ['rl'] },
      { ...items[1]!, topics: ['cv', 'nlp'] },
    ];
    expect(filterItems(tagged, { topics: new Set(['nlp', 'robotics']) }).map((i) => i.id)).toEqual([
      'b',
    ]);
    expect(filterItems(items, { exclude: (item) => item.id === 'b' }).map((i) => i.id)).toEqual([
      'a',
      'c',
    ]);
  });
});

describe('XML safety and repair', () => {
  it('refuses entity declarations (billion laughs, XXE)', () => {
    expect(refusalReason('<!DOCTYPE x [<!ENTITY a "b">]><rss/>')).toMatch(/entities/);
    expect(refusalReason('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss/>')).toMatch(
      /entities/,
    );
    expect(refusalReason('<?xml version="1.0"?><rss version="2.0"/>')).toBeUndefined();
  });

  it('blanks unparseable Atom dates and fixes attribute-less links, in Atom only', () => {
    const atom =
      '<feed><entry><published>nope</published><updated>2026-01-01T00:00:00Z</updated><link>https://x.test/a</link><link/></entry></feed>';
    expect(repairAtom(atom)).toBe(
      '<feed><entry><published></published><updated>2026-01-01T00:00:00Z</updated><link href="https://x.test/a"/></entry></feed>',
    );
    const rss = '<rss version="2.0"><channel><link>https://x.test/</link></channel></rss>';
    expect(repairAtom(rss)).toBe(rss);
  });

  it('turns xhtml titles and summaries into escaped html, so their words keep their order', () => {
    const atom =
      '<feed><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> &amp; x</div></title>' +
      "<summary type='xhtml'><p>s</p></summary><title>plain</title></entry></feed>";
    expect(repairAtom(atom)).toBe(
      '<feed><entry><title type="html">&lt;div xmlns="http://www.w3.org/1999/xhtml"&gt;A &lt;b&gt;bold&lt;/b&gt; &amp;amp; x&lt;/div&gt;</title>' +
        '<summary type="html">&lt;p&gt;s&lt;/p&gt;</summary><title>plain</title></entry></feed>',
    );
  });

  it('escapes bare ampersands only', () => {
    expect(escapeBareAmpersands('a & b &amp; &#38; &#x26; &nbsp; AT&T')).toBe(
      'a &amp; b &amp; &#38; &#x26; &nbsp; AT&amp;T',
    );
  });
});

describe('OPML', () => {
  it('round-trips feeds, tags and awkward characters', () => {
    const feeds = [
      {
        title: 'Q&A "quoted" <lab>',
        xmlUrl: 'https://x.test/feed?a=1&b=2',
        htmlUrl: 'https://x.test/',
        tags: ['research', 'nlp'],
      },
      { title: 'Plain', xmlUrl: 'https://y.test/rss', tags: [] },
    ];
    const text = emitOpml(feeds, { title: 'mine', created: new Date('2026-11-27T12:00:00Z') });
    expect(text).toContain('<opml version="2.0">');
    expect(parseOpml(text)).toEqual(feeds);
  });

  it('rejects a file that is not OPML', () => {
    expect(() => parseOpml('<html></html>')).toThrow(/not an OPML document/);
  });
});

describe('sources', () => {
  const base: FeedSource[] = [
    {
      id: 'a',
      name: 'A',
      url: 'https://a.test/feed',
      tags: [],
      provenance: 'official',
      enabled: true,
    },
    {
      id: 'b',
      name: 'B',
      url: 'https://b.test/feed',
      tags: [],
      provenance: 'community',
      enabled: false,
    },
  ];
  it('applies removals, additions and enable/disable over the base list', () => {
    const resolved = resolveSources(base, {
      version: 1,
      added: [
        {
          id: 'c',
          name: 'C',
          url: 'https://c.test/feed',
          tags: [],
          provenance: 'official',
          enabled: true,
        },
      ],
      removed: ['a'],
      enabled: ['b'],
      disabled: ['c'],
    });
    expect(resolved.map((s) => [s.id, s.enabled, s.origin])).toEqual([
      ['b', true, 'default'],
      ['c', false, 'user'],
    ]);
  });

  it('makes readable unique ids', () => {
    expect(makeSourceId('https://www.example.org/feed.xml', new Set())).toBe('example');
    expect(makeSourceId('Lil’Log', new Set(['lil-log']))).toBe('lil-log-2');
  });
});
