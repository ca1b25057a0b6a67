/**
 * pixel feed as a daily reader, through the real binary: posts are numbered, what is new since
 * the last listing is marked, `read N|all` and `--unread`, `open N` in the browser (a stand-in
 * xdg-open on PATH records what it was asked to open: no shell, http(s) only), `--long`
 * summaries and authors, `feed add <page>` finding the feed by autodiscovery, and an OPML file
 * of 10,000 outlines.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, parseJsonItems, type FeedEnv } from './helpers/feed-env.js';
import { rss } from './helpers/hostile-feeds.js';

let server: FeedServer;
let env: FeedEnv;
let bin: string;
let opened: string;

const entry = (n: number, extra = '') =>
  `<item><title>Post ${n}</title><link>https://lab.test/${n}</link><guid>https://lab.test/${n}</guid>` +
  `<pubDate>${new Date(Date.UTC(2026, 10, 20 - n)).toUTCString()}</pubDate>${extra}</item>`;
const feedOf = (numbers: number[]) =>
  rss(
    numbers
      .map((n) =>
        entry(
          n,
          `<dc:creator>Ada Lovelace</dc:creator><description>Summary of post ${n}, about robots learning to grasp.</description>`,
        ),
      )
      .join('\n'),
  ).replace(
    '<rss version="2.0">',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
  );

beforeAll(async () => {
  server = await startFeedServer({
    '/lab.xml': { body: feedOf([1, 2, 3]) },
    '/blog/': {
      body: `<!DOCTYPE html><html><head><title>A blog</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/atom+xml" title="Atom" href="/blog/atom.xml">
<link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">
</head><body>hello</body></html>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
    '/blog/atom.xml': {
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>The Blog &amp; Co</title><id>urn:b</id><updated>2026-11-01T00:00:00Z</updated>
<entry><title>Hello</title><id>urn:b:1</id><link href="/blog/hello"/><updated>2026-11-01T00:00:00Z</updated><author><name>Grace Hopper</name></author></entry></feed>`,
      headers: { 'content-type': 'application/atom+xml' },
    },
    '/plain-page/': {
      body: '<!DOCTYPE html><html><head><title>No feed here</title></head></html>',
      headers: { 'content-type': 'text/html' },
    },
  });
  env = await makeFeedEnv([{ id: 'lab', name: 'The Lab', url: server.url('/lab.xml') }]);
  // A stand-in browser opener: records its arguments, one per line.
  bin = join(env.home, '..', 'bin');
  opened = join(env.home, '..', 'opened.txt');
  await mkdir(bin, { recursive: true });
  await writeFile(
    join(bin, 'xdg-open'),
    `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n' "$arg" >> '${opened}'; done\n`,
  );
  await chmod(join(bin, 'xdg-open'), 0o755);
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

const withBrowser = () => ({ PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` });

describe('new and read', () => {
  it('marks nothing new on the first listing, then marks only posts that appeared since', async () => {
    const first = await env.run(['feed', '--json', '--refresh']);
    expect(parseJsonItems(first.stdout).map((item) => item.new)).toEqual([false, false, false]);
    // --json is for scripts: it does not count as having shown the posts to the reader.
    expect((await env.run(['feed'])).code).toBe(0);
    server.setRoute('/lab.xml', { body: feedOf([0, 1, 2, 3]) });
    const second = await env.run(['feed', '--json', '--refresh']);
    const marks = parseJsonItems(second.stdout).map((item) => [item.title, item.new]);
    expect(marks).toEqual([
      ['Post 0', true],
      ['Post 1', false],
      ['Post 2', false],
      ['Post 3', false],
    ]);
  });

  it('numbers piped lines as read N understands them, and --unread leaves read posts out', async () => {
    const listing = await env.run(['feed']);
    expect(listing.stdout.split('\n')[1]).toMatch(/\tPost 1\t/);
    const read = await env.run(['feed', 'read', '2']);
    expect(read.code).toBe(0);
    expect(read.stdout).toBe('marked read: https://lab.test/1\n');
    const unread = await env.run(['feed', '--unread', '--json']);
    expect(parseJsonItems(unread.stdout).map((item) => item.title)).toEqual([
      'Post 0',
      'Post 2',
      'Post 3',
    ]);
    const all = parseJsonItems((await env.run(['feed', '--json'])).stdout);
    expect(all.find((item) => item.title === 'Post 1')?.read).toBe(true);
  });

  it('marks a whole listing read with read all, and refuses numbers it never showed', async () => {
    expect((await env.run(['feed', '--unread'])).code).toBe(0);
    expect((await env.run(['feed', 'read', 'all'])).stdout).toBe('marked 3 posts read\n');
    const none = await env.run(['feed', '--unread']);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('no posts match the filters\n');
    const empty = await env.run(['feed', 'read', '1']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      "pixel: the last listing showed no posts\nhint: run 'pixel feed': its posts are numbered\n",
    );
    await env.run(['feed']);
    const bad = await env.run(['feed', 'read', '9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "pixel: '9' is not a post of the last listing\nhint: give numbers from 1 to 4, a range such as 2-5, or all\n",
    );
  });
});

describe('the listing file', () => {
  it('is left as it is when the same posts are listed again, and rewritten when they change', async () => {
    server.setRoute('/listing.xml', { body: feedOf([1, 2, 3]) });
    const own = await makeFeedEnv([
      { id: 'lab', name: 'The Lab', url: server.url('/listing.xml') },
    ]);
    try {
      const file = join(own.home, 'data', 'feed-listing.tsv');
      await own.run(['feed', '--refresh']);
      const before = await stat(file);
      const text = await readFile(file, 'utf8');
      expect((await own.run(['feed'])).code).toBe(0);
      expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
      expect(await readFile(file, 'utf8')).toBe(text);
      // The numbers still name the listing just shown.
      expect((await own.run(['feed', 'read', '1'])).stdout).toBe(
        'marked read: https://lab.test/1\n',
      );

      server.setRoute('/listing.xml', { body: feedOf([0, 5, 6, 7]) });
      await own.run(['feed', '--refresh']);
      const changed = await readFile(file, 'utf8');
      expect(changed.split('\n').filter(Boolean)).toHaveLength(5);
      expect((await own.run(['feed', 'read', '1'])).stdout).toBe(
        'marked read: https://lab.test/0\n',
      );
    } finally {
      await own.cleanup();
    }
  });
});

describe('reader state that is not what pixel wrote', () => {
  it('moves a damaged marks file aside with a warning and lists as usual', async () => {
    const marks = join(env.home, 'data', 'feed-marks.json');
    const saved = await readFile(marks, 'utf8');
    await writeFile(marks, '{"version":2,"seen":"not a list"}');
    const run = await env.run(['feed']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(run.stderr).toMatch(
      /^pixel: warning: .*feed-marks\.json is not pixel's reader state; moved it to .*feed-marks\.json\.corrupt-/,
    );
    await writeFile(marks, saved);
  });
});

describe('pixel feed -i when piped', () => {
  it('prints the same plain listing as pixel feed', async () => {
    const plain = await env.run(['feed']);
    const interactive = await env.run(['feed', '-i']);
    expect(interactive.code).toBe(0);
    expect(interactive.stdout).toBe(plain.stdout);
    expect(interactive.stdout.split('\n')[0]).toMatch(/^2026-11-20\tlab\tPost 0\t/);
  });
});

describe('pixel feed open', () => {
  it('opens post N with the system opener, no shell, and marks it read', async () => {
    await env.run(['feed']);
    await env.run(['feed', 'read', '--unread', 'all']);
    const run = await env.run(['feed', 'open', '3'], withBrowser());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('opened https://lab.test/2\n');
    // The opener starts detached; give it a moment to write.
    for (let wait = 0; wait < 50; wait++) {
      const text = await readFile(opened, 'utf8').catch(() => '');
      if (text) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await readFile(opened, 'utf8')).toBe('https://lab.test/2\n');
    const items = parseJsonItems((await env.run(['feed', '--json'])).stdout);
    expect(items.filter((item) => item.read).map((item) => item.title)).toEqual(['Post 2']);
  });

  it('says so, with exit 1, when no browser can be started', async () => {
    await env.run(['feed']);
    const run = await env.run(['feed', 'open', '1'], { PATH: '/nonexistent' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^pixel: could not start a browser\nhint: install xdg-utils/);
  });
});

describe('--long and authors', () => {
  it('prints authors and the summary under each post, and authors in JSON', async () => {
    const json = parseJsonItems((await env.run(['feed', '--json'])).stdout);
    expect(json[0]?.authors).toEqual(['Ada Lovelace']);
    expect(json[0]?.topics).toEqual(['robotics']);
    const long = await env.run(['feed', '--long']);
    expect(long.stdout.split('\n')[0]).toBe(
      '2026-11-20\tlab\tPost 0\thttps://lab.test/0\tAda Lovelace\tSummary of post 0, about robots learning to grasp.',
    );
  });
});

describe('pixel feed add <page>', () => {
  it('finds the feed of a blog’s home page by autodiscovery, and names it by its title', async () => {
    const run = await env.run(['feed', 'add', server.url('/blog/')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `found the feed ${server.url('/blog/atom.xml')} on that page\n  the page also lists ${server.url('/blog/feed.xml')}\n`,
    );
    expect(run.stdout).toBe(`added the-blog-co: The Blog & Co <${server.url('/blog/atom.xml')}>\n`);
    const items = parseJsonItems(
      (await env.run(['feed', '--json', '--source', 'the-blog-co'])).stdout,
    );
    expect(items).toMatchObject([{ title: 'Hello', authors: ['Grace Hopper'] }]);
  });

  it('refuses a page that names no feed, with exit 2', async () => {
    const run = await env.run(['feed', 'add', server.url('/plain-page/')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/names no feed in its <head>\nhint: .*--no-check/);
  });
});

describe('pixel feed import with 10,000 outlines', () => {
  it('refuses past the cap in one line, and with --max imports them with a short report', async () => {
    const outlines = Array.from(
      { length: 10_000 },
      (_, n) => `<outline type="rss" text="Feed ${n}" xmlUrl="https://many.test/${n}.xml"/>`,
    ).join('\n');
    const file = join(env.home, '..', 'many.opml');
    await writeFile(file, `<opml version="2.0"><body>\n${outlines}\n</body></opml>`);
    const refused = await env.run(['feed', 'import', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(2);
    expect(refused.stderr).toMatch(/lists 10000 new feeds; pixel imports at most 200 at once/);

    const run = await env.run(['feed', 'import', file, '--max', '10000']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('imported 10000 feeds');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines.at(-1)).toBe('  … and 9990 more (--verbose lists all)');
    expect(run.stderr).toBe('');
  });
});
