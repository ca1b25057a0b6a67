/**
 * What `pixel feed --json` lists from the twelve real feeds, byte for byte, through the real
 * binary against a loopback server: after a refresh, and again from the cache it wrote. Speed
 * work (trimming documents before parsing, cheaper re-checks of the cache, a leaner normaliser)
 * must not change a single title, link, date, summary or topic; this holds it to the listing
 * pixel printed before that work (compared with the build of the commit it started from).
 * After a deliberate change of the listing: WRITE_GOLDEN=1 npx vitest run <this file>.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS_VERSION } from '../../src/feed/core/topics.js';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, REAL, type FeedEnv } from './helpers/feed-env.js';

const GOLDEN = join(REAL, '..', 'real-listing.golden.json');
/** Relative links resolve against the server, whose port changes from run to run. */
const ORIGIN = 'http://feeds.test';

let server: FeedServer;
let env: FeedEnv;

beforeAll(async () => {
  const files = readdirSync(REAL).filter((name) => name.endsWith('.xml'));
  server = await startFeedServer(
    Object.fromEntries(
      files.map((name) => [
        `/${name}`,
        {
          body: readFileSync(join(REAL, name)),
          headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        },
      ]),
    ),
  );
  env = await makeFeedEnv(
    files.map((name) => ({ id: name.replace(/\.xml$/, ''), url: server.url(`/${name}`) })),
  );
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

async function listing(args: string[]): Promise<string> {
  const run = await env.run(['feed', '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.split(server.origin).join(ORIGIN);
}

describe('the listing of the twelve real feeds', () => {
  it('is the same after a refresh and from the cache, and the same as before the speed work', async () => {
    const refreshed = await listing(['--refresh']);
    const cached = await listing([]);
    expect(cached).toBe(refreshed);
    if (process.env.WRITE_GOLDEN === '1') writeFileSync(GOLDEN, refreshed);
    const golden = readFileSync(GOLDEN, 'utf8');
    // Compared as text; parsed only to make a failure readable.
    if (refreshed !== golden) expect(JSON.parse(refreshed)).toEqual(JSON.parse(golden));
    expect(refreshed).toBe(golden);
  });

  it('is cached under the topic classifier version the source computes (the build works it out)', () => {
    const cache = JSON.parse(
      readFileSync(join(env.home, 'cache', 'feeds', 'openai.json'), 'utf8'),
    ) as { topicsVersion?: string };
    expect(cache.topicsVersion).toBe(TOPICS_VERSION);
  });
});
