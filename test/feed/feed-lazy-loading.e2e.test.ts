/**
 * A listing from a fresh cache must not load the network stack (http, zlib) nor the parser:
 * that is what keeps a warm `pixel feed` close to pixel's bare start-up.
 * Checked through Node's own list of the internal modules a process loaded.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLoadsHook, type Loads } from '../helpers/loads-hook.js';
import { PIXEL_BIN, REPO_ROOT } from '../helpers/run-pixel.js';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, realFeed, type FeedEnv } from './helpers/feed-env.js';

let server: FeedServer;
let env: FeedEnv;
let hook: string;

beforeAll(async () => {
  server = await startFeedServer({ '/hf.xml': { body: realFeed('huggingface.xml') } });
  env = await makeFeedEnv([{ id: 'hf', url: server.url('/hf.xml') }]);
  hook = await writeLoadsHook(join(env.home, '..'));
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

async function modulesLoadedBy(
  args: string[],
  stdoutPath = join(env.home, '..', 'stdout.txt'),
): Promise<string[]> {
  const out = join(env.home, '..', `loads-${args.join('-')}.json`);
  // Into a file, as `pixel feed > posts.txt`: pixel then writes without building process.stdout.
  const stdout = openSync(stdoutPath, 'w');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', hook, PIXEL_BIN, ...args], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        TZ: 'UTC',
        PIXEL_HOME: env.home,
        PIXEL_FEED_SOURCES: env.sourcesFile,
        LOADS_OUT: out,
      },
      stdio: ['ignore', stdout, 'ignore'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
  closeSync(stdout);
  return (JSON.parse(await readFile(out, 'utf8')) as Loads).internal;
}

describe('what a warm pixel feed loads', () => {
  it('loads node:http to refresh (never undici), and no network stack from a fresh cache', async () => {
    const refresh = await modulesLoadedBy(['feed', '--refresh']);
    expect(refresh).toContain('NativeModule http');
    // fetch would spend ~50 ms setting undici up: pixel uses node:http instead.
    expect(refresh).not.toContain('NativeModule internal/deps/undici/undici');

    const warm = await modulesLoadedBy(['feed']);
    for (const module of ['http', 'https', 'zlib', 'worker_threads']) {
      expect(warm, module).not.toContain(`NativeModule ${module}`);
    }
    expect(warm).not.toContain('NativeModule internal/deps/undici/undici');
    // Nor fs/promises (the snapshot's reader; it brings readline and fs streams) nor an
    // AbortController (the overall deadline, armed by the first request): ~23M instructions.
    expect(warm).not.toContain('NativeModule internal/fs/promises');
    expect(warm).not.toContain('NativeModule internal/abort_controller');
  });

  it('writes a listing into /dev/null as into a file, without building process.stdout', async () => {
    // `pixel feed --refresh > /dev/null` from a cron job; node would build a SyncWriteStream
    // for it, and load its twenty stream modules (~10M instructions on a warm listing).
    await modulesLoadedBy(['feed']);
    const warm = await modulesLoadedBy(['feed'], '/dev/null');
    expect(warm).not.toContain('NativeModule stream');
    expect(warm).not.toContain('NativeModule internal/fs/sync_write_stream');
  });
});
