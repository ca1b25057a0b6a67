/**
 * A loopback HTTP server (127.0.0.1, port 0) that serves feed fixtures the way real and hostile
 * publishers do: delays, hangs, status codes, redirects, gzip/br, ETag + 304, truncated and huge
 * bodies. It records every request and when each hung socket was closed, so tests can assert
 * that pixel really let go of a connection it timed out on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait before answering. */
  delayMs?: number;
  /** Wait for this before answering (e.g. another socket being closed). */
  waitFor?: () => Promise<unknown>;
  /** Never answer; the socket stays open until the client closes it. */
  hang?: boolean;
  encoding?: 'gzip' | 'br';
  /** Answer 304 when If-None-Match carries this ETag; send it with 200s. */
  etag?: string;
  /** Declare a longer Content-Length than sent, then close the connection. */
  truncate?: boolean;
  /** Stream this many bytes of an endless (well-formed so far) feed. */
  streamBytes?: number;
  /** 302 (or `status`) to this location. */
  redirect?: string;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  status?: number;
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  requests: RecordedRequest[];
  setRoute(path: string, route: Route): void;
  /** Resolves when the socket of the first request to `path` closes. */
  socketClosed(path: string): Promise<void>;
  /** True once the socket of the first request to `path` has closed. */
  isSocketClosed(path: string): boolean;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFeedServer(
  routes: Record<string, Route>,
  tls?: { key: string; cert: string },
): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const closed = new Map<string, { promise: Promise<void>; resolve: () => void; done: boolean }>();
  const closedEntry = (path: string) => {
    let entry = closed.get(path);
    if (!entry) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      entry = { promise, resolve, done: false };
      closed.set(path, entry);
    }
    return entry;
  };
  const sockets = new Set<Socket>();

  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const record: RecordedRequest = { path, headers: request.headers };
    requests.push(record);
    const entry = closedEntry(path);
    request.socket.once('close', () => {
      entry.done = true;
      entry.resolve();
    });
    const route = table.get(path);
    if (!route) {
      record.status = 404;
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    if (route.hang) return;
    if (route.delayMs) await sleep(route.delayMs);
    if (route.waitFor) await route.waitFor();
    if (route.redirect) {
      record.status = route.status ?? 302;
      response.writeHead(record.status, { location: route.redirect }).end();
      return;
    }
    if (route.etag && request.headers['if-none-match'] === route.etag) {
      record.status = 304;
      response.writeHead(304, { etag: route.etag }).end();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/rss+xml; charset=utf-8',
      ...route.headers,
    };
    if (route.etag) headers.etag = route.etag;
    record.status = route.status ?? 200;
    if (route.streamBytes) {
      response.writeHead(record.status, headers);
      const chunk = Buffer.from(`<item><title>${'x'.repeat(1000)}</title></item>\n`);
      response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title>\n');
      let sent = 0;
      const pump = () => {
        while (sent < route.streamBytes! && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return response.once('drain', pump);
        }
        response.end('</channel></rss>');
      };
      pump();
      return;
    }
    let body = Buffer.from(route.body ?? '');
    if (route.encoding === 'gzip') {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    } else if (route.encoding === 'br') {
      body = brotliCompressSync(body);
      headers['content-encoding'] = 'br';
    }
    if (route.truncate) {
      headers['content-length'] = String(body.length * 2);
      response.writeHead(record.status, headers);
      response.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => response.socket?.destroy(), 20);
      return;
    }
    headers['content-length'] = String(body.length);
    response.writeHead(record.status, headers).end(body);
  };

  const server: Server = tls
    ? createHttpsServer(tls, (q, r) => void handler(q, r))
    : createServer((q, r) => void handler(q, r));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    setRoute: (path, route) => table.set(path, route),
    socketClosed: (path) => closedEntry(path).promise,
    isSocketClosed: (path) => closed.get(path)?.done ?? false,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
