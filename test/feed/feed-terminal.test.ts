/**
 * What a person at a terminal sees (a fake TTY context, the command called directly): one line
 * per post fitted to the width, OSC 8 links only where supported and only with a clean URL,
 * progress on stderr that is erased before the list, and no hostile escape reaching the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedList } from '../../src/feed/commands/list.js';
import { captureStream, fakeContext } from '../helpers/fake-context.js';
import { startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { makeFeedEnv, realFeed, type FeedEnv } from './helpers/feed-env.js';
import { ESCAPES_FEED } from './helpers/hostile-feeds.js';
import { textWidth as displayWidth } from '../../src/shared/core/text-width.js';

let server: FeedServer;
let env: FeedEnv;

beforeAll(async () => {
  server = await startFeedServer({
    '/escapes.xml': { body: ESCAPES_FEED },
    '/hf.xml': { body: realFeed('huggingface.xml') },
  });
  env = await makeFeedEnv([
    { id: 'escapes', name: 'Escapes \u001b[31mInc', url: server.url('/escapes.xml') },
    { id: 'huggingface', name: 'Hugging Face', url: server.url('/hf.xml') },
  ]);
});

afterAll(async () => {
  await server?.close();
  await env?.cleanup();
});

function ttyContext(extraEnv: Record<string, string> = {}, columns = 60) {
  return fakeContext(env.home, {
    env: { PIXEL_FEED_SOURCES: env.sourcesFile, ...extraEnv },
    stdout: captureStream({ isTTY: true, columns }),
    stderr: captureStream({ isTTY: true, columns }),
    now: () => new Date('2026-11-09T12:00:00Z'),
  });
}

// Our own OSC 8 wrappers, which are the only escapes allowed in the output.
// eslint-disable-next-line no-control-regex -- matching our own escape sequence
const OSC8 = /\u001b\]8;;[\u0021-\u007e]*\u001b\\/g;

describe('pixel feed in a terminal', () => {
  it('prints one fitted line per post with a relative age and the source name', async () => {
    const context = ttyContext({ FORCE_HYPERLINK: '0' });
    const result = await feedList({ refresh: true }, context);
    const lines = context.stdout.text.trimEnd().split('\n');
    expect(lines).toHaveLength(result.items.length);
    // Number, age, source, the mark column (nothing is new on a first listing), title.
    expect(lines[0]).toBe('1     2h  Escapes Inc     Pwned red click backspace');
    expect(lines.every((line) => displayWidth(line) <= 60)).toBe(true);
    expect(lines[1]).toMatch(/^2 Aug \d+ {2}Hugging Face {4}\S/);
    // Nothing but text: no colour (color is off in the fake context), no escapes.
    expect(context.stdout.text).not.toContain('\u001b');
  });

  it('links titles with OSC 8 where supported, and --long shows the full link', async () => {
    const context = ttyContext({ FORCE_HYPERLINK: '1' });
    await feedList({ long: true, source: ['escapes'] }, context);
    const text = context.stdout.text;
    expect(text).toContain(
      '\u001b]8;;https://escapes.test/post-1\u001b\\Pwned red click backspace\u001b]8;;\u001b\\',
    );
    // --long: the summary and the full link under the post, indented past number and age.
    expect(text).toContain(
      '\n       Summary with clear-screen\n       https://escapes.test/post-1\n',
    );
    expect(text.replace(OSC8, '')).not.toContain('\u001b');
  });

  it('shows progress on stderr while fetching and erases it', async () => {
    const context = ttyContext();
    await feedList({ refresh: true }, context);
    expect(context.stderr.text).toContain('fetching 2 feeds…');
    expect(context.stderr.text).toMatch(/fetching 2\/2 · done: /);
    expect(context.stderr.text.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('prints no progress when stderr is not a terminal', async () => {
    const context = fakeContext(env.home, {
      env: { PIXEL_FEED_SOURCES: env.sourcesFile },
      now: () => new Date('2026-11-09T12:00:00Z'),
    });
    await feedList({ refresh: true }, context);
    expect(context.stderr.text).toBe('');
    expect(context.stdout.text.split('\n')[0]).toBe(
      '2026-11-09\tescapes\tPwned red click backspace\thttps://escapes.test/post-1',
    );
  });
});
