/**
 * The interactive reader, `pixel feed -i`, driven as a person would: the real binary in a
 * tmux pseudo-terminal, keys typed with send-keys, the screen read with capture-pane. A
 * stand-in xdg-open on PATH records what `o` opened. Piped, `-i` prints the plain listing.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIXEL_BIN, waitForText } from '../helpers/run-pixel.js';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, realFeed, type FeedEnv } from './helpers/feed-env.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SESSION = `pixel-reader-${process.pid}`;

let server: FeedServer;
let env: FeedEnv;
let opened: string;

const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', SESSION).stdout ?? '';
const keys = (...names: string[]) => tmux('send-keys', '-t', SESSION, ...names);
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

beforeAll(async () => {
  server = await startFeedServer({
    '/bair.xml': { body: realFeed('bair.xml') },
    '/hf.xml': { body: realFeed('huggingface.xml') },
  });
  env = await makeFeedEnv([
    { id: 'bair', name: 'Berkeley AI', url: server.url('/bair.xml') },
    { id: 'hf', name: 'Hugging Face', url: server.url('/hf.xml') },
  ]);
  const bin = join(env.home, '..', 'bin');
  opened = join(env.home, '..', 'opened.txt');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  await chmod(join(bin, 'xdg-open'), 0o755);
  const variables = {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: env.home,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    PIXEL_HOME: env.home,
    PIXEL_FEED_SOURCES: env.sourcesFile,
  };
  const command = [
    'env',
    '-i',
    ...Object.entries(variables).map(([key, value]) => quote(`${key}=${value}`)),
    quote(process.execPath),
    quote(PIXEL_BIN),
    'feed',
    '-i',
  ].join(' ');
  if (hasTmux) {
    tmux('kill-session', '-t', SESSION);
    // The shell stays after pixel exits, so the test can read the exit code and the cursor.
    tmux(
      'new-session',
      '-d',
      '-s',
      SESSION,
      '-x',
      '100',
      '-y',
      '30',
      `${command}; echo "EXIT=$?"; sleep 60`,
    );
  }
});

afterAll(async () => {
  if (hasTmux) tmux('kill-session', '-t', SESSION);
  await server?.close();
  await env?.cleanup();
});

describe.skipIf(!hasTmux)('pixel feed -i in a terminal', () => {
  it('lists the posts, moves with j/k and shows details on enter', async () => {
    await waitForText(screen, 'pixel feed · all sources · 9 posts');
    expect(screen()).toContain('j/k move · enter details · o open');
    keys('j', 'j', 'k');
    keys('Enter');
    // The second post, Hugging Face's newest but one, with its link below the list.
    await waitForText(screen, 'https://huggingface.co/blog/');
    expect(screen()).toMatch(/─{10,}\nHow Much Memory Does Your Agent Actually Need\?/);
  });

  it('opens the selected post with o, without a shell, and marks it read', async () => {
    keys('o');
    await waitForText(screen, /opened https:\/\/huggingface\.co\/blog\/\S+/);
    let text = '';
    for (let wait = 0; wait < 100 && !text; wait++) {
      text = await readFile(opened, 'utf8').catch(() => '');
      if (!text) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(text).toMatch(/^https:\/\/huggingface\.co\/blog\/\S+\n$/);
  });

  it('filters with /, cycles sources with s, and hides read posts with u', async () => {
    keys('Enter'); // details off
    keys('/');
    keys('-l', 'Imaging');
    keys('Enter');
    await waitForText(screen, 'pixel feed · all sources · 1 post · matching “Imaging”');
    keys('/', 'Escape');
    await waitForText(screen, 'pixel feed · all sources · 9 posts');
    // A paste, or a typist faster than a frame: `/` and the text arrive as one read, and the
    // text still goes to the filter the `/` opened.
    keys('-l', '/Imaging');
    keys('Enter');
    await waitForText(screen, 'pixel feed · all sources · 1 post · matching “Imaging”');
    keys('/', 'Escape');
    await waitForText(screen, 'pixel feed · all sources · 9 posts');
    keys('s');
    await waitForText(screen, /pixel feed · (Berkeley AI · 3|Hugging Face · 6) posts/);
    keys('s', 's');
    await waitForText(screen, 'pixel feed · all sources · 9 posts');
    keys('u');
    await waitForText(screen, 'pixel feed · all sources · 8 posts · unread only');
  });

  it('refreshes every source with r', async () => {
    const before = server.requests.length;
    keys('r');
    await waitForText(() => String(server.requests.length - before), '2');
    await waitForText(screen, 'unread only');
  });

  it('ends on Ctrl-C with exit 0 and the terminal as it was', async () => {
    keys('C-c');
    await waitForText(screen, 'EXIT=0');
    expect(tmux('display-message', '-p', '-t', SESSION, '#{cursor_flag}').stdout.trim()).toBe('1');
  });
});
