/**
 * Build step for the feed: validates the curated source list (feeds/sources.json) and turns the
 * real feed documents in feeds/snapshot/ into dist/feeds/snapshot.json, the offline snapshot, with
 * the same parser and normaliser the live fetch uses. Runs at build time so no start-up pays.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { sourceListSchema } from '../src/feed/core/source.js';
import { keepNewest } from '../src/feed/core/newest.js';
import { parseFeed } from '../src/feed/io/parse-feed.js';
import { writeJsonFile } from '../src/shared/io/json-store.js';
import type { FeedSnapshot } from '../src/feed/io/snapshot-store.js';
import { BUILT_SOURCES_PATH } from '../src/feed/io/source-store.js';

const SNAPSHOT_ITEMS_PER_SOURCE = 20;

const manifestSchema = z.object({
  version: z.literal(1),
  about: z.optional(z.string()),
  snapshots: z.array(
    z.object({
      source: z.string(),
      file: z.string().check(z.regex(/^[\w.-]+\.xml$/)),
      capturedAt: z.iso.datetime(),
    }),
  ),
});

function fail(file: string, issues: string[]): never {
  throw new Error(`invalid ${file}:\n  ${issues.join('\n  ')}`);
}

export async function run({ root, dist }: { root: string; dist: string }): Promise<void> {
  const sourcesFile = join(root, 'feeds', 'sources.json');
  const sources = sourceListSchema().safeParse(JSON.parse(await readFile(sourcesFile, 'utf8')));
  if (!sources.success) {
    fail(
      sourcesFile,
      sources.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const ids = sources.data.sources.map((source) => source.id);
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) fail(sourcesFile, [`duplicate ids: ${duplicates.join(', ')}`]);

  const manifestFile = join(root, 'feeds', 'snapshot', 'manifest.json');
  const manifest = manifestSchema.safeParse(JSON.parse(await readFile(manifestFile, 'utf8')));
  if (!manifest.success) {
    fail(
      manifestFile,
      manifest.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const snapshot: FeedSnapshot = { version: 1, sources: {} };
  const now = new Date();
  for (const entry of manifest.data.snapshots) {
    const source = sources.data.sources.find((candidate) => candidate.id === entry.source);
    if (!source) fail(manifestFile, [`${entry.file}: no source with id '${entry.source}'`]);
    const bytes = await readFile(join(root, 'feeds', 'snapshot', entry.file));
    const { items } = await parseFeed({ bytes, sourceId: source.id, feedUrl: source.url, now });
    if (items.length === 0) fail(manifestFile, [`${entry.file}: no items parsed`]);
    snapshot.sources[source.id] = {
      capturedAt: new Date(entry.capturedAt).toISOString(),
      items: keepNewest(
        items,
        (item) => (item.published ? Date.parse(item.published) : undefined),
        SNAPSHOT_ITEMS_PER_SOURCE,
      ),
    };
  }
  await mkdir(join(dist, 'feeds'), { recursive: true });
  await writeJsonFile(join(dist, 'feeds', 'snapshot.json'), snapshot);
  // The validated list, defaults filled in, so that pixel need not validate it on every run.
  await writeJsonFile(join(dist, ...BUILT_SOURCES_PATH.slice(1)), sources.data);
}
