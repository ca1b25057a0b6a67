/**
 * The shipped data: the curated source list is valid and honest about provenance, the offline
 * snapshot (built by scripts/content-feeds.ts) is clean, and every real fixture parses into
 * clean items through the same parser the live fetch uses.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanStoredItem } from '../../src/feed/core/item.js';
import { sourceListSchema } from '../../src/feed/core/source.js';
import { parseFeed } from '../../src/feed/io/parse-feed.js';
import { hasControlCharacters, REPO_ROOT } from '../helpers/run-pixel.js';
import { LABS_THE_ISSUE_NAMES, REAL } from './helpers/feed-env.js';

const sources = sourceListSchema().parse(
  JSON.parse(readFileSync(join(REPO_ROOT, 'feeds', 'sources.json'), 'utf8')),
).sources;

describe('feeds/sources.json', () => {
  it('has unique ids, home pages, tags, and the labs the issue names', () => {
    const ids = sources.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const source of sources) {
      expect(source.home, source.id).toMatch(/^https:\/\//);
      expect(source.tags.length, source.id).toBeGreaterThan(0);
    }
    for (const id of LABS_THE_ISSUE_NAMES) expect(ids).toContain(id);
  });

  it('labels every community feed and says why it is there', () => {
    const community = sources.filter((source) => source.provenance === 'community');
    expect(community.map((source) => source.id).sort()).toEqual([
      'anthropic',
      'anthropic-research',
      'meta-ai',
    ]);
    for (const source of community) expect(source.note, source.id).toMatch(/community/i);
  });
});

describe('the offline snapshot', () => {
  const file = join(REPO_ROOT, 'dist', 'feeds', 'snapshot.json');
  it.skipIf(!existsSync(file))(
    'holds clean items for known sources only, with capture dates',
    () => {
      const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
        sources: Record<string, { capturedAt: string; items: unknown[] }>;
      };
      const ids = new Set(sources.map((source) => source.id));
      expect(Object.keys(snapshot.sources).length).toBeGreaterThanOrEqual(10);
      for (const [id, entry] of Object.entries(snapshot.sources)) {
        expect(ids.has(id), id).toBe(true);
        expect(Number.isNaN(Date.parse(entry.capturedAt))).toBe(false);
        expect(entry.items.length).toBeGreaterThan(0);
        // Every stored post reads back unchanged: it was clean when written.
        for (const item of entry.items) expect(cleanStoredItem(item)).toEqual(item);
      }
      expect(hasControlCharacters(readFileSync(file, 'utf8'))).toBe(false);
    },
  );
});

describe('every real fixture', () => {
  const files = readdirSync(REAL).filter((name) => name.endsWith('.xml'));
  it.each(files)('%s parses into clean items', async (name) => {
    const { items } = await parseFeed({
      bytes: readFileSync(join(REAL, name)),
      sourceId: 'fixture',
      feedUrl: 'https://lab.example/blog/feed.xml',
    });
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(items);
    expect(text).not.toContain('[object Object]');
    expect(hasControlCharacters(text)).toBe(false);
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(0);
      if (item.link) expect(item.link).toMatch(/^https?:\/\//);
      expect(item.summary.length).toBeLessThanOrEqual(400);
      // No CSS or TeX from <style>/<script> blocks (BAIR, SAIL).
      expect(item.summary).not.toMatch(/\{[^}]*:[^}]*;\s*\}|\\frac|\\mathbf/);
    }
  });

  it('keeps the newest 100 of OpenAI’s 599-item archive', async () => {
    const { items, total } = await parseFeed({
      bytes: readFileSync(join(REAL, 'openai.xml')),
      sourceId: 'openai',
      feedUrl: 'https://openai.com/news/rss.xml',
    });
    expect(items).toHaveLength(100);
    expect(total).toBe(599);
    const dates = items.map((item) => item.published ?? '').sort();
    expect(dates.at(-1)).toBe('2025-07-24T00:00:00.000Z');
  });

  it('resolves SAIL’s root-relative links and guids against the feed URL', async () => {
    const { items } = await parseFeed({
      bytes: readFileSync(join(REAL, 'stanford-sail.xml')),
      sourceId: 'sail',
      feedUrl: 'https://ai.stanford.edu/blog/feed.xml',
    });
    expect(items[0]).toMatchObject({
      id: 'https://ai.stanford.edu/blog/learning-from-language/',
      link: 'https://ai.stanford.edu/blog/learning-from-language/',
    });
  });
});
