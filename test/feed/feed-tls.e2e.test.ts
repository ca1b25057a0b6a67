/**
 * https on loopback (a test certificate the child trusts via NODE_EXTRA_CA_CERTS): a feed that
 * redirects from https to http is refused, https → https redirects are followed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, parseJsonItems, REAL, realFeed, type FeedEnv } from './helpers/feed-env.js';

const TLS = join(REAL, '..', 'tls');
let secure: FeedServer;
let plain: FeedServer;
let env: FeedEnv;

beforeAll(async () => {
  plain = await startFeedServer({ '/feed.xml': { body: realFeed('huggingface.xml') } });
  secure = await startFeedServer(
    {
      '/downgrade.xml': { redirect: plain.url('/feed.xml'), status: 301 },
      '/hop.xml': { redirect: '/bair.xml', status: 308 },
      '/bair.xml': { body: realFeed('bair.xml') },
    },
    {
      key: readFileSync(join(TLS, 'key.pem'), 'utf8'),
      cert: readFileSync(join(TLS, 'cert.pem'), 'utf8'),
    },
  );
  env = await makeFeedEnv([
    { id: 'downgrade', url: secure.url('/downgrade.xml') },
    { id: 'secure', url: secure.url('/hop.xml') },
  ]);
});

afterAll(async () => {
  await secure?.close();
  await plain?.close();
  await env?.cleanup();
});

describe('pixel feed over https', () => {
  it('refuses an https → http redirect and follows https → https', async () => {
    const run = await env.run(['feed', '--json'], {
      NODE_EXTRA_CA_CERTS: join(TLS, 'cert.pem'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'pixel: warning: downgrade: refused a redirect from https to http (127.0.0.1:' +
        `${new URL(plain.origin).port}); nothing cached to show\n`,
    );
    expect(plain.requests).toHaveLength(0);
    const items = parseJsonItems(run.stdout);
    expect(items).toHaveLength(3);
    expect(items.every((item) => item.source === 'secure')).toBe(true);
  });

  it('records the permanent move and shows it in pixel feed sources', async () => {
    const run = await env.run(['feed', 'sources', '--json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { id: string; cache: unknown }[];
    expect(list.find((source) => source.id === 'secure')?.cache).toEqual({
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      checkedAt: expect.any(String),
      posts: 3,
      movedTo: secure.url('/bair.xml'),
    });
    expect(list.find((source) => source.id === 'downgrade')?.cache).toBeNull();
  });
});
