/**
 * What a feed source is, as data: the curated defaults in feeds/sources.json, a sources file
 * given with PIXEL_FEED_SOURCES, and the user's own list in the config folder all share it.
 */
import * as z from 'zod/mini';
import { onFirstUse } from '../../shared/core/on-first-use.js';

/** Lower-case slug: safe as a cache file name and easy to type after `--source`. */
export const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

// Built on first use: a listing from the shipped defaults validates none of them (the build
// did), and building zod schemas costs start-up (docs/architecture.md, "Start-up").
const schemas = onFirstUse(() => {
  const feedSource = z.object({
    id: z.string().check(z.regex(SOURCE_ID, 'must be a lower-case slug (a-z, 0-9, -)')),
    name: z.string().check(z.minLength(1), z.maxLength(80)),
    url: z.url({ protocol: /^https?$/ }),
    home: z.optional(z.url({ protocol: /^https?$/ })),
    tags: z._default(z.array(z.string().check(z.regex(/^[a-z0-9-]+$/))), []),
    /** official: the publisher's own feed; community: someone else's scrape of their site. */
    provenance: z._default(z.enum(['official', 'community']), 'official'),
    /** Why a community or unusual source is there, shown by `pixel feed sources`. */
    note: z.optional(z.string()),
    /** A publisher known to be slow can get more time than `--timeout` gives everyone. */
    timeoutSeconds: z.optional(z.number().check(z.positive(), z.lte(300))),
    /** Defaults that are useful but not everyone wants start disabled. */
    enabled: z._default(z.boolean(), true),
  });
  return {
    feedSource,
    sourceList: z.object({
      version: z.literal(1),
      sources: z.array(feedSource),
    }),
  };
});
type Schemas = ReturnType<typeof schemas>;

/** One source. */
export const feedSourceSchema = (): Schemas['feedSource'] => schemas().feedSource;
export type FeedSource = z.infer<Schemas['feedSource']>;

/** A list of sources: feeds/sources.json, or the file PIXEL_FEED_SOURCES names. */
export const sourceListSchema = (): Schemas['sourceList'] => schemas().sourceList;
export type SourceList = z.infer<Schemas['sourceList']>;

/**
 * The user's changes to the defaults, kept in `<config>/feeds.json`. Read entry by entry
 * (config-edits.ts parseUserConfig), so one bad entry costs only itself.
 */
export interface UserFeedConfig {
  version: 1;
  /** Sources the user added (their own feeds, imported OPML). */
  added: FeedSource[];
  /** Default sources the user removed. */
  removed: string[];
  /** Ids switched on or off, overriding a source's own `enabled`. */
  enabled: string[];
  disabled: string[];
}

export function emptyUserConfig(): UserFeedConfig {
  return { version: 1, added: [], removed: [], enabled: [], disabled: [] };
}

export interface ResolvedSource extends FeedSource {
  /** Where it came from: shipped with pixel, a sources file, or added by the user. */
  origin: 'default' | 'user';
}

/** Applies the user's config to the base list: removals, additions, then enable/disable. */
export function resolveSources(
  base: readonly FeedSource[],
  user: UserFeedConfig,
): ResolvedSource[] {
  const removed = new Set(user.removed);
  const result: ResolvedSource[] = base
    .filter((source) => !removed.has(source.id))
    .map((source) => ({ ...source, origin: 'default' as const }));
  const seen = new Set(result.map((source) => source.id));
  for (const source of user.added) {
    if (seen.has(source.id)) continue;
    seen.add(source.id);
    result.push({ ...source, origin: 'user' });
  }
  const enabled = new Set(user.enabled);
  const disabled = new Set(user.disabled);
  return result.map((source) => ({
    ...source,
    enabled: disabled.has(source.id) ? false : enabled.has(source.id) ? true : source.enabled,
  }));
}

/** A readable, unique id for a new source: from its name, else its host. */
export function makeSourceId(nameOrUrl: string, taken: ReadonlySet<string>): string {
  let base = nameOrUrl;
  try {
    const url = new URL(nameOrUrl);
    base = url.hostname.replace(/^www\./, '').replace(/\.[a-z]+$/, '');
  } catch {
    // not a URL: use the name itself
  }
  const slug =
    base
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'feed';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}
