/**
 * The cache and the user's feed config through the real binary, when they are not what pixel
 * wrote: the cache is disposable (whatever fails to read is refetched, never fatal) and is
 * distrusted on every read; the config is read entry by entry, so one bad source costs only
 * itself, and a file pixel cannot read is never written over.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasControlCharacters } from '../helpers/run-pixel.js';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, parseJsonItems, realFeed, type FeedEnv } from './helpers/feed-env.js';

let server: FeedServer;
let env: FeedEnv;
let cacheDir: string;
let configFile: string;

beforeAll(async () => {
  server = await startFeedServer({
    '/bair.xml': { body: realFeed('bair.xml') },
    '/hf.xml': { body: realFeed('huggingface.xml') },
    '/mine.xml': { body: realFeed('anthropic-sdk-python-releases.xml') },
  });
  env = await makeFeedEnv([
    { id: 'bair', url: server.url('/bair.xml') },
    { id: 'hf', url: server.url('/hf.xml') },
  ]);
  cacheDir = join(env.home, 'cache', 'feeds');
  configFile = join(env.home, 'config', 'feeds.json');
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

describe('a cache that cannot be read', () => {
  it('refetches when a folder stands where a cache file should be', async () => {
    await mkdir(join(cacheDir, 'bair.json'), { recursive: true });
    const run = await env.run(['feed', '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout).filter((item) => item.source === 'bair')).toHaveLength(3);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/cannot read .*bair\.json \(EISDIR\)/);
    await rm(join(cacheDir, 'bair.json'), { recursive: true });
  });

  it('lists, and says so in one line, when a file stands where the cache folder should be', async () => {
    await rm(cacheDir, { recursive: true, force: true });
    await writeFile(cacheDir, 'not a folder');
    const run = await env.run(['feed', '--json']);
    expect(run.code).toBe(0);
    expect(parseJsonItems(run.stdout)).toHaveLength(9);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^pixel: warning: cannot read .*\(ENOTDIR\) \(and 1 more like it/);
    expect(lines[1]).toMatch(/^pixel: warning: could not save the cache of .*\(and 1 more like it/);
    await rm(cacheDir, { force: true });
  });
});

describe('a cache edited by hand', () => {
  it('is sanitised on every read, and a post that is not one is dropped alone', async () => {
    expect((await env.run(['feed', '--json'])).code).toBe(0);
    const file = join(cacheDir, 'hf.json');
    const cache = JSON.parse(await readFile(file, 'utf8')) as {
      items: Record<string, unknown>[];
    };
    expect(cache.items.length).toBe(6);
    cache.items[0] = {
      ...cache.items[0],
      title: 'Owned \u001b]0;title\u0007\u001b[31mred\u200b',
      summary: 'clear \u001b[2J screen',
      link: 'javascript:alert(1)',
    };
    cache.items[1] = { ...cache.items[1], link: 'https://hf.test/a b\u001b[31m' };
    cache.items[2] = { nonsense: true };
    await writeFile(file, JSON.stringify(cache));
    const run = await env.run(['feed', '--json', '--source', 'hf']);
    expect(run.code).toBe(0);
    const items = parseJsonItems(run.stdout);
    expect(items).toHaveLength(5);
    const owned = items.find((item) => item.title.startsWith('Owned'));
    expect(owned).toMatchObject({ title: 'Owned red', summary: 'clear screen', link: null });
    expect(items.filter((item) => item.link === null)).toHaveLength(2);
    expect(hasControlCharacters(run.stdout)).toBe(false);
    const plain = await env.run(['feed', '--source', 'hf']);
    expect(hasControlCharacters(plain.stdout)).toBe(false);
  });
});

describe('the user’s feed config', () => {
  it('keeps every valid source when one entry is invalid, and names that entry', async () => {
    await mkdir(join(env.home, 'config'), { recursive: true });
    await writeFile(
      configFile,
      JSON.stringify({
        version: 1,
        added: [
          { id: 'broken', name: 'Broken', url: 'ftp://nope.test/feed' },
          { id: 'mine', name: 'Mine', url: server.url('/mine.xml'), tags: ['releases'] },
        ],
        disabled: ['bair'],
      }),
    );
    const run = await env.run(['feed', '--json']);
    expect(run.code).toBe(0);
    const sources = new Set(parseJsonItems(run.stdout).map((item) => item.source));
    expect(sources).toEqual(new Set(['hf', 'mine']));
    expect(run.stderr).toMatch(
      /^pixel: warning: .*feeds\.json: added\[0\] \('broken'\) is not a valid source \(url: .*\); skipped\n$/,
    );
  });

  it('writes the invalid entry back untouched when the list changes', async () => {
    const run = await env.run(['feed', 'enable', 'bair']);
    expect(run.code).toBe(0);
    const saved = JSON.parse(await readFile(configFile, 'utf8')) as { added: { id: string }[] };
    expect(saved.added.map((entry) => entry.id).sort()).toEqual(['broken', 'mine']);
  });

  it('brings back a removed default with enable, as the help says', async () => {
    expect((await env.run(['feed', 'remove', 'hf'])).stdout).toBe(
      "removed hf (a default: 'pixel feed enable hf' brings it back)\n",
    );
    const sources = async () =>
      (JSON.parse((await env.run(['feed', 'sources', '--json'])).stdout) as { id: string }[]).map(
        (source) => source.id,
      );
    expect(await sources()).not.toContain('hf');
    const enable = await env.run(['feed', 'enable', 'hf']);
    expect(enable.code).toBe(0);
    expect(enable.stdout).toBe('enabled hf\n');
    expect(await sources()).toContain('hf');
  });

  it('is never written over when it cannot be read', async () => {
    await rm(configFile);
    await mkdir(configFile);
    const list = await env.run(['feed', '--json']);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/cannot read .*feeds\.json \(EISDIR\); using the default sources/);
    const add = await env.run(['feed', 'add', server.url('/mine.xml'), '--no-check']);
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/so your feed list cannot be changed\nhint: fix its owner/);
    await rm(configFile, { recursive: true });
  });
});
