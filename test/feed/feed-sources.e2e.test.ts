/** Managing sources through the real binary: list, add, remove, enable, disable, OPML in/out. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runPixel } from '../helpers/run-pixel.js';
import { LABS_THE_ISSUE_NAMES } from './helpers/feed-env.js';

let home: string;
let cleanup: () => Promise<void>;
// The shipped defaults: these tests never fetch, so no sources file is needed.
const pixel = (args: string[]) => runPixel(args, { env: { PIXEL_HOME: home } });

interface JsonSource {
  id: string;
  enabled: boolean;
  provenance: string;
  origin: string;
  tags: string[];
  url: string;
}
const sources = async () =>
  JSON.parse((await pixel(['feed', 'sources', '--json'])).stdout) as JsonSource[];

beforeAll(async () => {
  ({ dir: home, cleanup } = await makeTempDir('pixel-feed-sources-'));
});
afterAll(() => cleanup());

describe('pixel feed sources', () => {
  it('lists the curated defaults with provenance, honestly labelling community feeds', async () => {
    const list = await sources();
    const ids = list.map((source) => source.id);
    for (const id of LABS_THE_ISSUE_NAMES) expect(ids).toContain(id);
    expect(list.find((s) => s.id === 'anthropic')?.provenance).toBe('community');
    expect(list.find((s) => s.id === 'meta-ai')?.provenance).toBe('community');
    expect(list.find((s) => s.id === 'openai')?.provenance).toBe('official');
  });

  it('prints stable tab-separated lines when piped', async () => {
    const run = await pixel(['feed', 'sources']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'openai\ton\tofficial\tOpenAI\thttps://openai.com/news/rss.xml\tindustry,research,llm',
    );
  });

  it('adds, disables, enables and removes a source of the user', async () => {
    const add = await pixel([
      'feed',
      'add',
      'https://example.org/blog/feed.xml',
      '--name',
      'Example Lab',
      '--tag',
      'research',
      'nlp',
      // Tests never reach the internet; fetching and autodiscovery are tested on loopback.
      '--no-check',
    ]);
    expect(add.code).toBe(0);
    expect(add.stdout).toBe('added example-lab: Example Lab <https://example.org/blog/feed.xml>\n');
    let mine = (await sources()).find((s) => s.id === 'example-lab');
    expect(mine).toMatchObject({ enabled: true, origin: 'user', tags: ['research', 'nlp'] });

    expect((await pixel(['feed', 'disable', 'example-lab'])).stdout).toBe('disabled example-lab\n');
    mine = (await sources()).find((s) => s.id === 'example-lab');
    expect(mine?.enabled).toBe(false);
    expect((await pixel(['feed', 'enable', 'example-lab'])).code).toBe(0);
    expect((await sources()).find((s) => s.id === 'example-lab')?.enabled).toBe(true);

    const again = await pixel(['feed', 'add', 'https://example.org/blog/feed.xml', '--no-check']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^pixel: that feed is already listed as 'example-lab'/);

    expect((await pixel(['feed', 'remove', 'example-lab'])).code).toBe(0);
    expect((await sources()).some((s) => s.id === 'example-lab')).toBe(false);
  });

  it('removes a default and turns one off, keeping the change in the config folder', async () => {
    expect((await pixel(['feed', 'remove', 'aws-ml'])).code).toBe(0);
    expect((await pixel(['feed', 'disable', 'openai'])).code).toBe(0);
    const list = await sources();
    expect(list.some((s) => s.id === 'aws-ml')).toBe(false);
    expect(list.find((s) => s.id === 'openai')?.enabled).toBe(false);
    expect((await pixel(['feed', 'enable', 'openai'])).code).toBe(0);
  });

  it('refuses bad input with exit 2 and a hint', async () => {
    const notUrl = await pixel(['feed', 'add', 'javascript:alert(1)']);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toMatch(/is not an http\(s\) URL\nhint: /);
    const unknown = await pixel(['feed', 'remove', 'opena']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "pixel: unknown feed source 'opena'\nhint: did you mean openai? 'pixel feed sources' lists the source ids\n",
    );
    const badSince = await pixel(['feed', '--offline', '--since', 'yesterday']);
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toMatch(/^pixel: --since takes a duration/);
    const badTag = await pixel(['feed', '--offline', '--tag', 'cooking']);
    expect(badTag.code).toBe(2);
    expect(badTag.stderr).toMatch(/no source has the tag 'cooking'\nhint: known tags: /);
    const badTopic = await pixel(['feed', '--offline', '--topic', 'robtics']);
    expect(badTopic.code).toBe(2);
    expect(badTopic.stderr).toMatch(
      /^pixel: unknown topic 'robtics'\nhint: did you mean robotics\? topics: cv \(Computer vision\)/,
    );
  });

  it('imports OPML (with folders as tags) and exports OPML 2.0', async () => {
    const opml = join(home, 'subs.opml');
    await writeFile(
      opml,
      `<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="ML blogs">
    <outline type="rss" text="Lil&apos;Log" xmlUrl="https://lilianweng.github.io/index.xml" htmlUrl="https://lilianweng.github.io/"/>
    <outline type="rss" text="Dup of OpenAI" xmlUrl="https://openai.com/news/rss.xml"/>
    <outline type="rss" text="Evil" xmlUrl="javascript:alert(1)"/>
  </outline>
</body></opml>
`,
    );
    const run = await pixel(['feed', 'import', opml]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'imported 1 feed, skipped 2',
        '  + lil-log  https://lilianweng.github.io/index.xml',
        '  - https://openai.com/news/rss.xml (already listed)',
        '  - javascript:alert(1) (not an http(s) URL)',
        '',
      ].join('\n'),
    );
    expect((await sources()).find((s) => s.id === 'lil-log')?.tags).toEqual(['ml-blogs']);

    const exported = await pixel(['feed', 'export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/,
    );
    expect(exported.stdout).toContain(
      '<outline type="rss" text="Lil&apos;Log" title="Lil&apos;Log"'.replace(/&apos;/g, "'"),
    );
    expect(exported.stdout).not.toContain('anthropic-sdk'); // disabled by default
    expect((await pixel(['feed', 'export', '--all'])).stdout).toContain('releases.atom');
  });

  it('has help with examples on every subcommand', async () => {
    for (const sub of [
      'list',
      'sources',
      'add',
      'remove',
      'enable',
      'disable',
      'import',
      'export',
      'read',
      'open',
    ]) {
      const run = await pixel(['feed', sub, '--help']);
      expect(run.code, sub).toBe(0);
      expect(run.stdout, sub).toContain('Examples:');
    }
  });
});
