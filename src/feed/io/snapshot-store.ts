/**
 * The offline snapshot: items built from real feeds at package build time
 * (scripts/content-feeds.ts → dist/feeds/snapshot.json), shown for a source that has no
 * cache when the network fails, so a fresh machine offline still shows something useful.
 */
import { join } from 'node:path';
import * as z from 'zod/mini';
import { feedItemListSchema } from '../core/item.js';
import { packageRoot } from '../../shared/io/package-root.js';
import { onFirstUse } from '../../shared/core/on-first-use.js';

// Built on first use: a listing from the cache never reads the snapshot, and building the
// schema cost every feed command ~0.5 ms (docs/architecture.md, "The feed's speed").
export const snapshotSchema = onFirstUse(() =>
  z.object({
    version: z.literal(1),
    sources: z.record(
      z.string(),
      z.object({
        /** When the feed document was captured (ISO): the age a user is told. */
        capturedAt: z.string(),
        items: feedItemListSchema(),
      }),
    ),
  }),
);
export type FeedSnapshot = z.infer<ReturnType<typeof snapshotSchema>>;

export const SNAPSHOT_PATH = ['dist', 'feeds', 'snapshot.json'];

let loaded: Promise<FeedSnapshot | undefined> | undefined;

/** The shipped snapshot, or undefined when this install has none (e.g. running from src/). */
export function loadSnapshot(): Promise<FeedSnapshot | undefined> {
  // node:fs/promises loads on first use (it brings readline and fs streams with it): a listing
  // from a fresh cache never reads the snapshot (docs/architecture.md, "Start-up").
  loaded ??= import('node:fs/promises')
    .then(({ readFile }) => readFile(join(packageRoot(), ...SNAPSHOT_PATH), 'utf8'))
    .then(
      (text) => {
        const result = snapshotSchema().safeParse(JSON.parse(text));
        return result.success ? result.data : undefined;
      },
      () => undefined,
    );
  return loaded;
}
