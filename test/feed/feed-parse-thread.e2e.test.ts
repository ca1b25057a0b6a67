/**
 * The parse worker thread (used on a machine with a spare core) must give exactly what parsing
 * on the main thread gives, failures included. Forced on and off with PIXEL_FEED_PARSE_THREAD.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer, type Route } from './helpers/feed-server.js';
import { makeFeedEnv, REAL, realFeed, type FeedEnv } from './helpers/feed-env.js';
import { BILLION_LAUGHS, HTML_PAGE } from './helpers/hostile-feeds.js';

let server: FeedServer;
let env: FeedEnv;
const files = readdirSync(REAL).filter((name) => name.endsWith('.xml'));

beforeAll(async () => {
  const routes: Record<string, Route> = {
    '/laughs.xml': { body: BILLION_LAUGHS },
    '/html.xml': { body: HTML_PAGE, headers: { 'content-type': 'text/html' } },
  };
  for (const name of files) routes[`/${name}`] = { body: realFeed(name) };
  server = await startFeedServer(routes);
  env = await makeFeedEnv([
    ...files.map((name) => ({
      id: name.replace(/\.xml$/, ''),
      url: server.url(`/${name}`),
      timeoutSeconds: 30,
    })),
    { id: 'laughs', url: server.url('/laughs.xml'), timeoutSeconds: 30 },
    { id: 'html', url: server.url('/html.xml'), timeoutSeconds: 30 },
  ]);
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

describe('parsing in a worker thread', () => {
  it('lists the same posts and the same failures as the main thread', async () => {
    const onMain = await env.run(['feed', '--refresh', '--json'], { PIXEL_FEED_PARSE_THREAD: '0' });
    const inWorker = await env.run(['feed', '--refresh', '--json'], {
      PIXEL_FEED_PARSE_THREAD: '1',
    });
    expect(onMain.code).toBe(1);
    expect(inWorker.code).toBe(1);
    expect(JSON.parse(inWorker.stdout)).toEqual(JSON.parse(onMain.stdout));
    expect(inWorker.stderr).toBe(onMain.stderr);
    expect(inWorker.stderr).toContain('pixel: warning: laughs: refused to parse');
    expect(inWorker.stderr).toContain('pixel: warning: html: not a feed');
  });
});
