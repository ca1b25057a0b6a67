/**
 * Parsing on two cores, opt-in (see wantWorker for why it is off by default). When a refresh begins, one worker thread starts (during the network
 * wait, so its start-up costs nothing on the critical path), loads rss-parser and warms it up.
 * When the feeds arrive together, the worker and the main thread take turns parsing them.
 * Parsing is nearly all of a refresh's work once the bytes are in, so this roughly halves it.
 *
 * The worker runs this module, built as dist/feed-parse-worker.js, recognised by its workerData.
 * From TypeScript sources (tests calling commands directly) or if the worker cannot start or
 * dies, everything is parsed on the main thread: the pool is an optimisation, never a
 * requirement.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { FeedFailure, type FeedFailureKind } from '../../core/feed/failure.js';
import type { FeedItem } from '../../core/feed/item.js';
import { parseFeed, warmUpParser, type ParseFeedInput } from './parse-feed.js';

const WORKER_MARK = 'pixel-feed-parse-worker';

interface Job {
  id: number;
  input: Omit<ParseFeedInput, 'now'> & { now?: string };
}
type Reply =
  | { id: number; items: FeedItem[] }
  | { id: number; failure: { kind: FeedFailureKind; message: string } }
  | { id: number; crash: string };

// ---- the worker side --------------------------------------------------------------------------
if (!isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK && parentPort) {
  const port = parentPort;
  warmUpParser(() => false);
  port.on('message', (job: Job) => {
    const { now, ...rest } = job.input;
    const input: ParseFeedInput = { ...rest, ...(now ? { now: new Date(now) } : {}) };
    parseFeed(input).then(
      (items) => port.postMessage({ id: job.id, items } satisfies Reply),
      (error: unknown) =>
        port.postMessage(
          (error instanceof FeedFailure
            ? { id: job.id, failure: { kind: error.kind, message: error.message } }
            : { id: job.id, crash: String(error) }) satisfies Reply,
        ),
    );
  });
}

// ---- the main-thread side ---------------------------------------------------------------------
export interface ParsePool {
  parse(input: ParseFeedInput): Promise<FeedItem[]>;
  close(): void;
}

/**
 * The worker is opt-in (PIXEL_FEED_PARSE_THREAD=1), and even then only with a spare core.
 * Measured on an idle 2-core machine, twelve real feeds arriving together after 300 ms: 590 ms
 * on the main thread alone, 645 ms with the worker; starting a second isolate and handing
 * results back costs more than the parsing it takes over.
 */
function wantWorker(env: NodeJS.ProcessEnv): boolean {
  return env.PIXEL_FEED_PARSE_THREAD === '1';
}

export function createParsePool(env: NodeJS.ProcessEnv): ParsePool {
  let worker: Worker | undefined;
  // Only a bundled build can start this module as a worker (Node cannot run .ts files).
  if (import.meta.url.endsWith('.js') && wantWorker(env)) {
    try {
      // The build makes this module its own file beside main.js (scripts/build.mjs).
      worker = new Worker(new URL('feed-parse-worker.js', import.meta.url), {
        workerData: { mark: WORKER_MARK },
      });
      worker.unref();
    } catch {
      worker = undefined;
    }
  }
  const pending = new Map<
    number,
    {
      resolve: (items: FeedItem[]) => void;
      reject: (error: unknown) => void;
      input: ParseFeedInput;
    }
  >();
  let nextId = 0;
  let workerBusy = 0;

  const abandonWorker = () => {
    const orphans = [...pending.values()];
    pending.clear();
    worker?.terminate().catch(() => undefined);
    worker = undefined;
    // Whatever the worker held is parsed here instead.
    for (const job of orphans) parseFeed(job.input).then(job.resolve, job.reject);
  };
  worker?.on('message', (reply: Reply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    workerBusy--;
    if ('items' in reply) job.resolve(reply.items);
    else if ('failure' in reply)
      job.reject(new FeedFailure(reply.failure.kind, reply.failure.message));
    else parseFeed(job.input).then(job.resolve, job.reject);
  });
  worker?.on('error', abandonWorker);
  worker?.on('exit', () => {
    if (pending.size > 0) abandonWorker();
    worker = undefined;
  });

  return {
    parse(input) {
      // Turns: the worker takes a feed whenever it has nothing queued, the main thread the rest.
      if (!worker || workerBusy > 0) return parseFeed(input);
      const id = nextId++;
      workerBusy++;
      return new Promise<FeedItem[]>((resolve, reject) => {
        pending.set(id, { resolve, reject, input });
        const { now, ...rest } = input;
        const job: Job = { id, input: { ...rest, ...(now ? { now: now.toISOString() } : {}) } };
        worker?.postMessage(job);
      });
    },
    close() {
      worker?.terminate().catch(() => undefined);
      worker = undefined;
    },
  };
}
