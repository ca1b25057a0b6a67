/**
 * The real bin/pixel.js against a loopback server serving real feeds beside every kind of bad
 * one: each bad source gets one warning line, the good ones still list, nothing hostile reaches
 * the terminal, and the hung source's socket is closed by its timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasControlCharacters, type PixelRun } from '../helpers/run-pixel.js';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import {
  makeFeedEnv,
  parseJsonItems,
  realFeed,
  type FeedEnv,
  type JsonItem,
} from './helpers/feed-env.js';
import {
  ATOM_BAD_DATE_FEED,
  BILLION_LAUGHS,
  cp1252Feed,
  ESCAPES_FEED,
  HTML_PAGE,
  LINKS_FEED,
} from './helpers/hostile-feeds.js';

let server: FeedServer;
let env: FeedEnv;
let run: PixelRun;
let items: JsonItem[];

const BAD = {
  slow: 'timed out after 1s',
  forbidden: 'blocked by the publisher (HTTP 403)',
  missing: 'not found (HTTP 404)',
  broken: 'server error (HTTP 500)',
  loop: 'more than 5 redirects',
  truncated: 'connection closed before the feed was complete',
  html: 'not a feed',
  huge: 'larger than 8 MiB',
  laughs: 'declares XML entities',
  garbage: 'could not parse the feed',
} as const;

beforeAll(async () => {
  server = await startFeedServer({
    '/huggingface.xml': { body: realFeed('huggingface.xml') },
    '/microsoft.xml': { body: realFeed('microsoft-ai-blog.xml') },
    '/google-ai.xml': { body: realFeed('google-ai-blog.xml'), encoding: 'br' },
    '/deepmind.xml': { body: realFeed('deepmind-2026.xml'), encoding: 'gzip' },
    '/slow.xml': { hang: true },
    // Answers only once pixel has closed the hung socket: if the timeout did not really
    // close it, this source never lists (it has a long timeout of its own).
    '/sail/feed.xml': {
      body: realFeed('stanford-sail.xml'),
      waitFor: () => server.socketClosed('/slow.xml'),
    },
    '/forbidden.xml': { status: 403, body: 'go away' },
    '/missing.xml': { status: 404, body: 'nope' },
    '/broken.xml': { status: 500, body: 'oops' },
    '/loop.xml': { redirect: '/loop.xml', status: 301 },
    '/moved.xml': { redirect: '/huggingface-moved.xml', status: 302 },
    '/huggingface-moved.xml': { body: realFeed('anthropic-sdk-python-releases.xml') },
    '/truncated.xml': { body: realFeed('bair.xml'), truncate: true },
    '/html.xml': { body: HTML_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } },
    '/huge.xml': { streamBytes: 20 * 1024 * 1024 },
    '/laughs.xml': { body: BILLION_LAUGHS },
    '/garbage.xml': { body: realFeed('meta-ai.xml').slice(0, 5000) },
    '/escapes.xml': { body: ESCAPES_FEED },
    '/links/feed.xml': { body: LINKS_FEED },
    // A real feed with a wrong Content-Type still lists.
    '/mislabelled.xml': { body: realFeed('bair.xml'), headers: { 'content-type': 'text/html' } },
    '/atom.xml': { body: ATOM_BAD_DATE_FEED, headers: { 'content-type': 'application/atom+xml' } },
    '/cp1252.xml': {
      body: cp1252Feed(),
      headers: { 'content-type': 'application/rss+xml; charset=windows-1252' },
    },
  });
  // Only the hung source runs on the short --timeout 1s; every other source gets a generous
  // limit of its own, so a loaded machine cannot turn a good or differently-bad source into a
  // timeout and the assertions never depend on speed.
  env = await makeFeedEnv(
    [
      { id: 'huggingface', url: server.url('/huggingface.xml') },
      { id: 'microsoft', url: server.url('/microsoft.xml') },
      { id: 'google-ai', url: server.url('/google-ai.xml') },
      { id: 'deepmind', url: server.url('/deepmind.xml') },
      { id: 'slow', url: server.url('/slow.xml') },
      { id: 'sail', url: server.url('/sail/feed.xml'), timeoutSeconds: 30 },
      { id: 'forbidden', url: server.url('/forbidden.xml') },
      { id: 'missing', url: server.url('/missing.xml') },
      { id: 'broken', url: server.url('/broken.xml') },
      { id: 'loop', url: server.url('/loop.xml') },
      { id: 'moved', url: server.url('/moved.xml') },
      { id: 'truncated', url: server.url('/truncated.xml') },
      { id: 'html', url: server.url('/html.xml') },
      { id: 'huge', url: server.url('/huge.xml') },
      { id: 'laughs', url: server.url('/laughs.xml') },
      { id: 'garbage', url: server.url('/garbage.xml') },
      { id: 'escapes', url: server.url('/escapes.xml') },
      { id: 'links', url: server.url('/links/feed.xml') },
      { id: 'mislabelled', url: server.url('/mislabelled.xml') },
      { id: 'atom', url: server.url('/atom.xml') },
      { id: 'cp1252', url: server.url('/cp1252.xml') },
    ].map((source) => (source.id === 'slow' ? source : { timeoutSeconds: 30, ...source })),
  );
  run = await env.run(['feed', '--json', '--timeout', '1s', '--verbose']);
  items = run.stdout ? parseJsonItems(run.stdout) : [];
}, 90_000);

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

const bySource = (id: string) => items.filter((item) => item.source === id);

describe('pixel feed against hostile sources', () => {
  it('exits 1 (some sources failed with nothing cached) and still prints JSON', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(1);
    expect(items.length).toBeGreaterThan(100);
  });

  it('lists every good source beside the bad ones', () => {
    for (const id of [
      'huggingface',
      'microsoft',
      'google-ai',
      'deepmind',
      'sail',
      'moved',
      'mislabelled',
    ]) {
      expect(bySource(id).length, id).toBeGreaterThan(0);
    }
    expect(bySource('huggingface')).toHaveLength(6);
    expect(bySource('microsoft')).toHaveLength(10);
  });

  it('with --verbose, prints exactly one warning line per failing source, saying why', () => {
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('pixel: warning:'));
    for (const [id, reason] of Object.entries(BAD)) {
      const lines = warnings.filter((line) => line.startsWith(`pixel: warning: ${id}:`));
      expect(lines, id).toHaveLength(1);
      expect(lines[0], id).toContain(reason);
      expect(lines[0], id).toContain('nothing cached to show');
    }
    expect(warnings).toHaveLength(Object.keys(BAD).length);
  });

  it('closed the hung socket when its timeout fired (the gated source listed)', () => {
    expect(server.isSocketClosed('/slow.xml')).toBe(true);
    expect(bySource('sail')).toHaveLength(15);
  });

  it('sends an honest User-Agent, a broad Accept and asks for compression', () => {
    const request = server.requests.find((r) => r.path === '/huggingface.xml');
    expect(request?.headers['user-agent']).toMatch(/^pixel\/\d+\.\d+\.\d+ \(\+https:/);
    expect(request?.headers.accept).toContain('application/atom+xml');
    expect(request?.headers['accept-encoding']).toMatch(/gzip/);
  });

  it('decodes gzip and brotli bodies', () => {
    expect(bySource('deepmind')).toHaveLength(100);
    expect(bySource('google-ai')).toHaveLength(20);
  });

  it('follows a redirect and resolves relative links against the final URL', () => {
    expect(bySource('moved')[0]?.link).toMatch(/^https:\/\/github\.com\/anthropics\//);
    const sail = bySource('sail');
    expect(sail.every((item) => item.link?.startsWith(`${server.origin}/blog/`))).toBe(true);
    const links = bySource('links');
    expect(links.map((item) => item.link)).toEqual([
      null,
      `${server.origin}/posts/relative-one`,
      null,
    ]);
  });

  it('gives the stop reason for redirect loops without following forever', () => {
    const loops = server.requests.filter((r) => r.path === '/loop.xml');
    expect(loops).toHaveLength(6);
  });

  it('reads windows-1252 text correctly', () => {
    expect(bySource('cp1252')[0]?.title).toBe('Café “quoted” naïve');
  });

  it('keeps an Atom feed whose one entry has a bad date, listing that entry undated and last', () => {
    const atom = bySource('atom');
    expect(atom.map((item) => item.title)).toEqual([
      'Entry with a good date',
      'Entry with a bad date',
    ]);
    expect(atom[0]?.categories).toEqual(['research']);
    expect(atom[1]?.published).toBeNull();
    expect(atom[1]?.link).toBe('https://atom.test/bad');
    expect(items[items.length - 1]?.published).toBeNull();
  });

  it('normalises objects where rss-parser promises strings', () => {
    for (const item of items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.title).toBe('string');
      expect(item.categories.every((category) => typeof category === 'string')).toBe(true);
    }
    // Microsoft's empty <guid isPermaLink="false"/> comes back as an object: id falls back to the link.
    expect(bySource('microsoft').every((item) => item.id === item.link)).toBe(true);
  });

  it('strips escape sequences and control characters from every field', () => {
    expect(hasControlCharacters(run.stdout)).toBe(false);
    const escaped = bySource('escapes')[0];
    expect(escaped?.title).toBe('Pwned red click backspace');
    expect(escaped?.summary).toBe('Summary with clear-screen');
  });

  it('sorts newest first with undated posts last', () => {
    const dated = items.filter((item) => item.published).map((item) => item.published!);
    expect(dated).toEqual([...dated].sort().reverse());
  });
});
