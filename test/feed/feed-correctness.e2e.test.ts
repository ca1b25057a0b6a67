/**
 * The defects a reader met (issue 10), each through the real bin/pixel.js against a loopback
 * server: the newest posts by date whatever the feed order, no links made up from guids,
 * distinct posts kept apart, titles and summaries that keep every word, xml:base, European
 * zone names, invisible characters, and user input echoed safely.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasControlCharacters } from '../helpers/run-pixel.js';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, parseJsonItems, type FeedEnv, type JsonItem } from './helpers/feed-env.js';
import { rss } from './helpers/hostile-feeds.js';

let server: FeedServer;
let env: FeedEnv;
let items: JsonItem[];
let stderr: string;

const day = (n: number) => new Date(Date.UTC(2026, 10, 20) - n * 86_400_000).toUTCString();
const post = (title: string, link: string, date: string | undefined, extra = '') =>
  `<item><title>${title}</title><link>${link}</link>${date ? `<pubDate>${date}</pubDate>` : ''}${extra}</item>`;

/** 300 posts newest first, with a years-old post pinned above them. */
const PINNED_FEED = rss(
  [
    post(
      'Pinned: our mission (2019)',
      'https://pinned.test/mission',
      'Mon, 07 Jan 2019 10:00:00 GMT',
    ),
    ...Array.from({ length: 300 }, (_, n) =>
      post(`Pinned feed post ${n + 1}`, `https://pinned.test/${n + 1}`, day(n)),
    ),
  ].join('\n'),
);

/** 300 posts oldest first, the first of them undated. */
const OLDEST_FIRST_FEED = rss(
  [
    post('Undated first post', 'https://oldest.test/undated', undefined),
    ...Array.from({ length: 300 }, (_, n) =>
      post(`Oldest-first post ${n + 1}`, `https://oldest.test/${n + 1}`, day(300 - n)),
    ),
  ].join('\n'),
);

const GUID_FEED = rss(
  [
    post('Script link, name guid', 'javascript:alert(1)', day(1), '<guid>lnk-1</guid>'),
    `<item><title>No link, name guid</title><guid isPermaLink="false">post-2</guid><pubDate>${day(2)}</pubDate></item>`,
    `<item><title>No link, URL guid</title><guid>https://guid.test/three</guid><pubDate>${day(3)}</pubDate></item>`,
    `<item><title>No link, permalink guid</title><guid isPermaLink="true">/posts/four</guid><pubDate>${day(4)}</pubDate></item>`,
  ].join('\n'),
);

const TEXT_FEED = rss(
  [
    post(
      'x&lt;y and y&gt;z',
      'https://text.test/compare',
      day(1),
      '<description>&lt;p&gt;Read it like &lt;a href="#"&gt;this&lt;/a&gt;. Or &lt;em&gt;that&lt;/em&gt;!&lt;/p&gt;</description>',
    ),
    post(
      'Zero\u200bwidth \u061cmark\u{E0041}\u{E0042} fill\u3164er',
      'https://text.test/invisible',
      day(2),
    ),
    post('Summer in Paris', 'https://text.test/cest', 'Tue, 10 Jun 2025 10:00:00 CEST'),
    post('Summer in London', 'https://text.test/bst', 'Tue, 10 Jun 2025 10:00:00 BST'),
    post('Same page, source a', 'https://text.test/post?source=a', day(5)),
    post('Same page, source b', 'https://text.test/post?source=b', day(6)),
    post('Tracked copy of a', 'https://text.test/post?source=a&amp;utm_source=rss', day(7)),
  ].join('\n'),
);

const BASE_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.test/blog/">
  <title>Base</title><id>urn:base</id><updated>2026-11-10T00:00:00Z</updated>
  <entry><title>Relative to the feed base</title><id>urn:1</id><link href="posts/one"/><published>2026-11-10T00:00:00Z</published></entry>
  <entry xml:base="https://other.test/notes/"><title>Relative to the entry base</title><id>urn:2</id><link rel="alternate" href="two"/><published>2026-11-09T00:00:00Z</published></entry>
</feed>
`;

beforeAll(async () => {
  server = await startFeedServer({
    '/pinned.xml': { body: PINNED_FEED },
    '/oldest.xml': { body: OLDEST_FIRST_FEED },
    '/guid/feed.xml': { body: GUID_FEED },
    '/text.xml': { body: TEXT_FEED },
    '/base.xml': { body: BASE_FEED, headers: { 'content-type': 'application/atom+xml' } },
  });
  env = await makeFeedEnv([
    { id: 'pinned', url: server.url('/pinned.xml') },
    { id: 'oldest', url: server.url('/oldest.xml') },
    { id: 'guid', url: server.url('/guid/feed.xml') },
    { id: 'text', url: server.url('/text.xml') },
    { id: 'base', url: server.url('/base.xml') },
  ]);
  const run = await env.run(['feed', '--json']);
  expect(run.code).toBe(0);
  items = parseJsonItems(run.stdout);
  stderr = run.stderr;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

const bySource = (id: string) => items.filter((item) => item.source === id);
const titled = (title: string) => items.find((item) => item.title === title);

describe('the newest posts, whatever the order of the feed', () => {
  it('keeps the newest 100 by date when an old post is pinned on top', () => {
    const pinned = bySource('pinned');
    expect(pinned).toHaveLength(100);
    expect(pinned[0]?.title).toBe('Pinned feed post 1');
    expect(pinned.at(-1)?.title).toBe('Pinned feed post 100');
    expect(pinned.some((item) => item.title.startsWith('Pinned: our mission'))).toBe(false);
  });

  it('keeps the newest 100 of an oldest-first feed whose first post is undated', () => {
    const oldest = bySource('oldest');
    expect(oldest).toHaveLength(100);
    expect(oldest[0]?.title).toBe('Oldest-first post 300');
    expect(oldest.some((item) => item.title === 'Undated first post')).toBe(false);
  });

  it('says when a search looks only at the newest posts kept', async () => {
    const run = await env.run(['feed', '--search', 'post', '--source', 'pinned']);
    expect(run.stderr).toContain(
      'searched the newest 100 posts of each source; older ones are not kept: pinned (301)',
    );
  });
});

describe('links', () => {
  it('never makes a link out of a guid that is only a name', () => {
    expect(titled('Script link, name guid')?.link).toBeNull();
    expect(titled('No link, name guid')?.link).toBeNull();
  });

  it('uses a guid that is an address, or one marked isPermaLink', () => {
    expect(titled('No link, URL guid')?.link).toBe('https://guid.test/three');
    expect(titled('No link, permalink guid')?.link).toBe(`${server.origin}/posts/four`);
  });

  it('resolves Atom links against xml:base, the entry’s over the feed’s', () => {
    expect(titled('Relative to the feed base')?.link).toBe('https://base.test/blog/posts/one');
    expect(titled('Relative to the entry base')?.link).toBe('https://other.test/notes/two');
  });

  it('keeps posts whose addresses differ only in ?source=, and merges a tracking copy', () => {
    expect(titled('Same page, source a')).toBeDefined();
    expect(titled('Same page, source b')).toBeDefined();
    expect(titled('Tracked copy of a')).toBeUndefined();
  });
});

describe('text', () => {
  it('keeps a title with escaped angle brackets whole', () => {
    expect(titled('x<y and y>z')).toBeDefined();
  });

  it('removes inline tags without leaving stray spaces', () => {
    expect(titled('x<y and y>z')?.summary).toBe('Read it like this. Or that!');
  });

  it('removes invisible characters: zero-width space, Arabic letter mark, tags, fillers', () => {
    expect(titled('Zerowidth markAB filler')).toBeUndefined();
    expect(titled('Zerowidth mark filler')).toBeDefined();
    expect(hasControlCharacters(JSON.stringify(items))).toBe(false);
  });

  it('reads CEST and BST dates', () => {
    expect(titled('Summer in Paris')?.published).toBe('2025-06-10T08:00:00.000Z');
    expect(titled('Summer in London')?.published).toBe('2025-06-10T09:00:00.000Z');
  });

  it('printed no warning for any of it', () => {
    expect(stderr).toBe('');
  });
});

describe('what the user typed, echoed back', () => {
  it('is sanitised and quoted in errors', async () => {
    const run = await env.run(['feed', '--source', 'evil\u001b]0;pwned\u0007\u001b[31m']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pixel: unknown feed source 'evil'\nhint: /);
    expect(hasControlCharacters(run.stderr)).toBe(false);
    const since = await env.run(['feed', '--since', '\u001b[2Jsoon']);
    expect(since.stderr).toMatch(/\(got 'soon'\)\n/);
  });

  it('suggests the feed command meant by a typo', async () => {
    const run = await env.run(['feed', 'lsit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "pixel: unknown feed command 'lsit'\nhint: did you mean list? see 'pixel feed --help'\n",
    );
  });

  it('names the full command in commander’s own hints', async () => {
    const run = await env.run(['feed', 'list', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("see 'pixel feed list --help'");
  });

  it('shows help for a subcommand with pixel help feed list', async () => {
    const run = await env.run(['help', 'feed', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: pixel feed list \[options\]/);
    const typo = await env.run(['help', 'feed', 'lst']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      "pixel: unknown command 'feed lst'\nhint: did you mean list? see 'pixel feed --help' for the list\n",
    );
  });
});
