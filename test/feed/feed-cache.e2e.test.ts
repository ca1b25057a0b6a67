/**
 * The cache through the real binary: a fresh cache makes no request, --refresh revalidates with
 * the stored ETag and a 304 reuses the cache, a failing source falls back to its cached copy
 * and says how old it is, --offline makes no request at all.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, parseJsonItems, realFeed, type FeedEnv } from './helpers/feed-env.js';

let server: FeedServer;
let env: FeedEnv;

const count = (path: string, status?: number) =>
  server.requests.filter((r) => r.path === path && (status === undefined || r.status === status))
    .length;

beforeAll(async () => {
  server = await startFeedServer({
    '/bair.xml': { body: realFeed('bair.xml'), etag: '"bair-v1"' },
    '/hf.xml': {
      body: realFeed('huggingface.xml'),
      headers: { 'last-modified': 'Thu, 20 Aug 2026 17:00:00 GMT' },
    },
  });
  env = await makeFeedEnv([
    { id: 'bair', url: server.url('/bair.xml') },
    { id: 'hf', url: server.url('/hf.xml') },
  ]);
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

describe('pixel feed cache', () => {
  it('fetches and caches on the first run', async () => {
    const run = await env.run(['feed', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout)).toHaveLength(9);
    expect(count('/bair.xml', 200)).toBe(1);
    const files = await readdir(join(env.home, 'cache', 'feeds'));
    expect(files.sort()).toEqual(['bair.json', 'hf.json']);
    const cache: unknown = JSON.parse(
      await readFile(join(env.home, 'cache', 'feeds', 'bair.json'), 'utf8'),
    );
    expect(cache).toHaveProperty('etag', '"bair-v1"');
    expect(cache).toHaveProperty('items.length', 3);
  });

  it('makes no request while the cache is fresh', async () => {
    const before = server.requests.length;
    const run = await env.run(['feed']);
    expect(run.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(9);
  });

  it('revalidates with --refresh: a 304 reuses the cache', async () => {
    const run = await env.run(['feed', '--refresh', '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout)).toHaveLength(9);
    const last = server.requests.filter((r) => r.path === '/bair.xml').at(-1);
    expect(last?.headers['if-none-match']).toBe('"bair-v1"');
    expect(last?.status).toBe(304);
    const hf = server.requests.filter((r) => r.path === '/hf.xml').at(-1);
    expect(hf?.headers['if-modified-since']).toBe('Thu, 20 Aug 2026 17:00:00 GMT');
  });

  /** Keeps a cache file's header (validators, dates) and breaks its posts. */
  const breakPosts = async (id: string) => {
    const file = join(env.home, 'cache', 'feeds', `${id}.json`);
    const text = await readFile(file, 'utf8');
    const at = text.indexOf(',"items":[');
    expect(at).toBeGreaterThan(0);
    await writeFile(file, `${text.slice(0, at)},"items":[{"id": broken`);
    return file;
  };

  it('asks again without validators when a 304 meets a cache whose posts are broken', async () => {
    await breakPosts('bair');
    const before = server.requests.filter((r) => r.path === '/bair.xml').length;
    const run = await env.run(['feed', '--refresh', '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout)).toHaveLength(9);
    const asked = server.requests.filter((r) => r.path === '/bair.xml').slice(before);
    expect(run.stderr).toMatch(/bair\.json is not valid JSON; moved it to .*bair\.json\.corrupt-/);
    expect(asked.map((r) => [r.headers['if-none-match'], r.status])).toEqual([
      ['"bair-v1"', 304],
      [undefined, 200],
    ]);
  });

  it('never reads the old posts of a source that answers a refresh with a new document', async () => {
    const file = await breakPosts('hf');
    const run = await env.run(['feed', '--refresh', '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout)).toHaveLength(9);
    // Not read, so not reported: the new document replaced it.
    expect(run.stderr).toBe('');
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('items.length', 6);
  });

  it('drops a validator edited into the cache that no request could carry, and refreshes', async () => {
    const file = join(env.home, 'cache', 'feeds', 'bair.json');
    const { items, ...header } = JSON.parse(await readFile(file, 'utf8')) as {
      items: unknown[];
    };
    await writeFile(file, JSON.stringify({ ...header, etag: 'x\r\nInjected: 1', items }));
    const before = count('/bair.xml');
    const run = await env.run(['feed', '--refresh', '--json', '--source', 'bair']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(count('/bair.xml')).toBe(before + 1);
    const last = server.requests.filter((r) => r.path === '/bair.xml').at(-1);
    expect(last?.headers['if-none-match']).toBeUndefined();
    expect(last?.status).toBe(200);
  });

  it('treats a cache older than --max-age as stale', async () => {
    const before = count('/bair.xml');
    const run = await env.run(['feed', '--max-age', '1ms']);
    expect(run.code).toBe(0);
    expect(count('/bair.xml')).toBe(before + 1);
  });

  it('falls back to the cached copy when a source fails, saying how old it is', async () => {
    server.setRoute('/bair.xml', { status: 503, body: 'down' });
    const run = await env.run(['feed', '--refresh', '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout)).toHaveLength(9);
    expect(run.stderr).toMatch(
      /^pixel: warning: bair: server error \(HTTP 503\); showing the cached copy from (just now|\d+ minutes? ago)\n$/,
    );
  });

  it('--offline makes no request and lists the cache', async () => {
    const before = server.requests.length;
    const run = await env.run(['feed', '--offline', '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout)).toHaveLength(9);
    expect(server.requests.length).toBe(before);
  });

  it('moves a corrupt cache file aside with a warning and fetches again', async () => {
    const file = join(env.home, 'cache', 'feeds', 'hf.json');
    await writeFile(file, '{ not json');
    const run = await env.run(['feed', '--json', '--source', 'hf']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/hf\.json is not valid JSON; moved it to .*hf\.json\.corrupt-/);
    expect(parseJsonItems(run.stdout)).toHaveLength(6);
  });
});

describe('pixel feed with no network', () => {
  it('shows the snapshot shipped with pixel and says how old it is', async () => {
    // Ids of default sources, pointed at a port nobody listens on: a fresh machine offline.
    const closed = await startFeedServer({});
    const dead = closed.url('/feed.xml');
    await closed.close();
    const offline = await makeFeedEnv([
      { id: 'openai', url: dead },
      { id: 'huggingface', url: dead },
    ]);
    try {
      const run = await offline.run(['feed', '--json']);
      expect(run.code).toBe(0);
      const items = parseJsonItems(run.stdout);
      expect(new Set(items.map((item) => item.source))).toEqual(new Set(['openai', 'huggingface']));
      // One line for the whole outage, not one per source.
      expect(run.stderr).toBe(
        'pixel: warning: offline: showing posts cached or shipped with pixel, captured 2025-07-28 to 2026-08-20 (connection refused)\n',
      );
      // Every post says where it came from.
      expect(items.every((item) => item.snapshot)).toBe(true);
      const verbose = await offline.run(['feed', '--json', '--verbose']);
      expect(verbose.stderr.trim().split('\n')[0]).toMatch(
        /^pixel: warning: openai: connection refused; showing the snapshot shipped with pixel \(captured 2025-07-28, \d+ (year|month)s? ago\)$/,
      );
    } finally {
      await offline.cleanup();
    }
  });

  it('exits 3 with an error and a hint when nothing at all can be listed', async () => {
    const closed = await startFeedServer({});
    const dead = closed.url('/feed.xml');
    await closed.close();
    const offline = await makeFeedEnv([{ id: 'my-blog', url: dead }]);
    try {
      const run = await offline.run(['feed']);
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        [
          'pixel: warning: my-blog: connection refused; nothing cached to show',
          'pixel: no feed could be fetched and nothing is cached',
          'hint: check the network connection, then try again',
          '',
        ].join('\n'),
      );
    } finally {
      await offline.cleanup();
    }
  });
});
