/**
 * The part of a listing shared by `pixel feed` and its interactive reader: collect every
 * selected source, say what failed (quietly: see feed/ui/feed-messages.ts), refuse with exit 3 when
 * nothing at all can be shown, and merge what can.
 */
import type { Context } from '../../context.js';
import { EnvironmentError } from '../../errors.js';
import type { FeedItem } from '../core/item.js';
import { mergeItems } from '../core/merge.js';
import type { ResolvedSource } from '../core/source.js';
import { collectFeeds, DEFAULT_MAX_BYTES, type SourceResult } from '../io/collect.js';
import { feedWarnings, nothingListedHint, offlineSummary } from '../ui/feed-messages.js';
import { createFeedProgress } from '../ui/feed-progress.js';

/** Past the last source's timeout, so a slow queue still ends; rarely reached. */
const DEADLINE_SLACK_MS = 10_000;
/** Requests on the network at once, and to one host; parsing does not hold a place. */
export const FETCH_CONCURRENCY = 32;
export const FETCH_PER_HOST = 6;

export interface GatherOptions {
  refresh: boolean;
  offline: boolean;
  maxAgeMs: number;
  timeoutMs: number;
  verbose: boolean;
  /** Show progress on stderr (a terminal, not the interactive reader). */
  progress: boolean;
}

export interface Gathered {
  results: SourceResult[];
  merged: FeedItem[];
  /** Posts shown from the snapshot shipped with pixel. */
  snapshotPosts: ReadonlySet<FeedItem>;
  /** Some requested source failed with nothing to show for it (exit 1). */
  failedWithNothing: boolean;
  /** Lines for stderr: warnings about sources and the cache. */
  warnings: string[];
  /** Writes the cache; call once the listing is out. Returns problems to warn about. */
  save(): Promise<string[]>;
}

function summariseCacheProblems(problems: readonly string[], verbose: boolean): string[] {
  if (verbose || problems.length <= 1) return [...problems];
  return [`${problems[0]} (and ${problems.length - 1} more like it; --verbose lists them)`];
}

export async function gather(
  sources: readonly ResolvedSource[],
  context: Context,
  options: GatherOptions,
): Promise<Gathered> {
  const now = context.now();
  const progress = options.progress
    ? createFeedProgress(context.stderr, sources.length)
    : undefined;
  let collected;
  try {
    collected = await collectFeeds(sources, context, {
      refresh: options.refresh,
      offline: options.offline,
      maxAgeMs: options.maxAgeMs,
      timeoutMs: options.timeoutMs,
      deadlineMs:
        Math.max(
          options.timeoutMs,
          ...sources.map((source) => (source.timeoutSeconds ?? 0) * 1000),
        ) + DEADLINE_SLACK_MS,
      maxBytes: DEFAULT_MAX_BYTES,
      concurrency: FETCH_CONCURRENCY,
      perHost: FETCH_PER_HOST,
      ...(progress
        ? { onSettled: (result, done, total) => progress.settled(result.source.id, done, total) }
        : {}),
    });
  } finally {
    progress?.clear();
  }
  const { results } = collected;
  const warnings = [
    ...summariseCacheProblems(collected.cacheProblems, options.verbose),
    ...feedWarnings(results, { now, verbose: options.verbose }),
  ];
  const summary = options.offline ? offlineSummary(results, now) : undefined;
  if (summary) warnings.push(summary);

  // --offline's empty sources were not asked for; only a failed fetch counts as a failure.
  const failedWithNothing = results.some(
    (result) => result.from === 'none' && result.failure?.kind !== 'offline',
  );
  if (results.every((result) => result.items.length === 0)) {
    const failed = results.filter((result) => result.from === 'none');
    if (failed.length > 0 || options.offline) {
      for (const line of warnings) context.warn(line);
      await collected.save();
      throw new EnvironmentError(
        failed.length === results.length || options.offline
          ? 'no feed could be fetched and nothing is cached'
          : 'no posts could be listed',
        { hint: nothingListedHint(results, options.offline) },
      );
    }
  }
  const snapshotPosts = new Set(
    results.filter((result) => result.from === 'snapshot').flatMap((result) => result.items),
  );
  return {
    results,
    merged: mergeItems(results.map((result) => result.items)),
    snapshotPosts,
    failedWithNothing,
    warnings,
    save: async () => summariseCacheProblems(await collected.save(), options.verbose),
  };
}
