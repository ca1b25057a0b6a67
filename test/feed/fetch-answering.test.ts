/**
 * fetchFeed says when an answer begins (its head is in), not only when its last byte is: the
 * refresh stops warming the XML parser up at that moment, since a warm-up round between two
 * reads of a body delays the answer. The server here holds the body back until pixel has said
 * so, so a callback that came only at the end would leave the request hanging: nothing is timed.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../src/feed/io/fetch-feed.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A server whose answer is its head and a first chunk, then the rest once `release` is called. */
async function serveInTwoParts(): Promise<{ url: string; release: () => void }> {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>');
    void released.then(() => response.end('</channel></rss>'));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/feed.xml`, release };
}

describe('fetchFeed', () => {
  it('reports an answer as begun once its head is in, before the body has come', async () => {
    const { url, release } = await serveInTwoParts();
    const events: string[] = [];
    const result = await fetchFeed(url, {
      userAgent: 'pixel-test',
      signal: new AbortController().signal,
      maxBytes: 1_000_000,
      onSent: () => events.push('sent'),
      onAnswering: () => {
        events.push('answering');
        release();
      },
    });
    events.push('body read');
    expect(events).toEqual(['sent', 'answering', 'body read']);
    expect(result.status).toBe('ok');
  });
});
