/**
 * `pixel feed`: the latest posts from every enabled source, merged, deduplicated and sorted
 * newest first. Exit 0 when anything was listed; 1 when some requested source failed with
 * nothing cached for it; 3 when nothing at all could be listed.
 */
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { EnvironmentError, ExitCode, UsageError } from '../../errors.js';
import { parseDuration, parseSince } from '../../core/feed/dates.js';
import { filterItems } from '../../core/feed/filter.js';
import type { FeedItem } from '../../core/feed/item.js';
import { mergeItems } from '../../core/feed/merge.js';
import { collectFeeds, DEFAULT_MAX_BYTES, type SourceResult } from '../../io/feed/collect.js';
import { loadSources } from '../../io/feed/source-store.js';
import {
  formatJson,
  formatNdjson,
  formatPlain,
  formatTerminal,
  supportsHyperlinks,
} from '../../ui/feed-format.js';
import { failureWarning, offlineSummary } from '../../ui/feed-messages.js';
import { createFeedProgress } from '../../ui/feed-progress.js';
import { selectSources } from './select-sources.js';

const stringList = z.optional(z.array(z.string()));

export const feedListOptionsSchema = z.object({
  source: stringList,
  tag: stringList,
  since: z.optional(z.string()),
  search: z.optional(z.string()),
  limit: z.optional(z.string()),
  json: z.optional(z.boolean()),
  ndjson: z.optional(z.boolean()),
  long: z.optional(z.boolean()),
  refresh: z.optional(z.boolean()),
  offline: z.optional(z.boolean()),
  maxAge: z.optional(z.string()),
  timeout: z.optional(z.string()),
});
export type FeedListOptions = z.infer<typeof feedListOptionsSchema>;

export const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Past the last source's timeout, so a slow queue still ends; rarely reached. */
const DEADLINE_SLACK_MS = 10_000;
const CONCURRENCY = 16;
const DEFAULT_TERMINAL_LIMIT = 40;

export interface FeedListResult {
  items: FeedItem[];
  sources: {
    id: string;
    from: SourceResult['from'];
    count: number;
    failure?: { kind: string; message: string };
  }[];
}

function durationOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new UsageError(
      `--${name} must be a duration such as 500ms, 10s, 30m or 2h (got '${text}')`,
    );
  }
  return ms;
}

function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`--limit must be a whole number of at least 1 (got '${text}')`);
  }
  return limit;
}

export async function feedList(
  options: FeedListOptions,
  context: Context,
): Promise<FeedListResult> {
  if (options.json && options.ndjson) {
    throw new UsageError('--json and --ndjson cannot be used together');
  }
  if (options.refresh && options.offline) {
    throw new UsageError('--refresh and --offline cannot be used together');
  }
  const now = context.now();
  const since = options.since === undefined ? undefined : parseSince(options.since, now);
  if (options.since !== undefined && !since) {
    throw new UsageError(
      `--since takes a duration like 7d or 12h, or a date like 2026-11-01 (got '${options.since}')`,
    );
  }
  const limit = parseLimit(options.limit);
  const maxAgeMs = durationOption('max-age', options.maxAge, DEFAULT_MAX_AGE_MS);
  const timeoutMs = durationOption('timeout', options.timeout, DEFAULT_TIMEOUT_MS);

  const all = await loadSources(context);
  const selected = selectSources(all, options.source ?? [], options.tag ?? []);
  if (selected.length === 0) {
    throw new UsageError('no feed sources are enabled', {
      hint: "'pixel feed sources' lists them; 'pixel feed enable <id>' turns one on",
    });
  }

  const progress = createFeedProgress(context.stderr, selected.length);
  let results: SourceResult[];
  let written: Promise<void>;
  try {
    ({ results, written } = await collectFeeds(selected, context, {
      refresh: Boolean(options.refresh),
      offline: Boolean(options.offline),
      maxAgeMs,
      timeoutMs,
      deadlineMs:
        Math.max(timeoutMs, ...selected.map((source) => (source.timeoutSeconds ?? 0) * 1000)) +
        DEADLINE_SLACK_MS,
      maxBytes: DEFAULT_MAX_BYTES,
      concurrency: CONCURRENCY,
      onSettled: (result, done, total) => progress.settled(result.source.id, done, total),
    }));
  } finally {
    progress.clear();
  }
  for (const result of results) {
    const warning = failureWarning(result, now);
    if (warning) context.warn(warning);
  }
  const summary = options.offline ? offlineSummary(results, now) : undefined;
  if (summary) context.warn(summary);

  const merged = mergeItems(results.map((result) => result.items));
  const sourceNames = new Map(all.map((source) => [source.id, source.name]));
  const terminal = context.stdout.isTTY && !options.json && !options.ndjson;
  const matching = filterItems(
    merged,
    { ...(since ? { since } : {}), ...(options.search ? { search: options.search } : {}) },
    sourceNames,
  );
  // A person at a terminal wants the latest screenful; pipes and JSON get everything.
  const shown = limit ?? (terminal ? DEFAULT_TERMINAL_LIMIT : undefined);
  const items = shown === undefined ? matching : matching.slice(0, shown);

  const nothingAtAll = results.every((result) => result.items.length === 0);
  // --offline's empty sources were not asked for; only a failed fetch counts as a failure.
  const failedWithNothing = results.filter(
    (result) => result.from === 'none' && result.failure?.kind !== 'offline',
  );
  if (nothingAtAll && (failedWithNothing.length > 0 || options.offline)) {
    await written;
    throw new EnvironmentError(
      failedWithNothing.length === results.length || options.offline
        ? 'no feed could be fetched and nothing is cached'
        : 'no posts could be listed',
      {
        hint: options.offline
          ? 'run pixel feed once with a network connection to fill the cache'
          : 'check the network connection, then try again (cached posts are shown when there are any)',
      },
    );
  }

  if (options.json) context.stdout.write(formatJson(items));
  else if (options.ndjson) context.stdout.write(formatNdjson(items));
  else if (terminal) {
    // chalk (and the tty probing it does on import) only for a person at a terminal.
    const { chalkFor } = await import('../../ui/plain-chalk.js');
    const chalk = await chalkFor(context.color);
    context.stdout.write(
      formatTerminal(items, {
        now,
        columns: context.stdout.columns,
        chalk,
        hyperlinks: supportsHyperlinks(context.env, context.stdout.isTTY),
        long: Boolean(options.long),
        sourceNames,
      }),
    );
  } else context.stdout.write(formatPlain(items));

  if (terminal && limit === undefined && matching.length > items.length) {
    context.stderr.write(
      `showing the newest ${items.length} of ${matching.length} posts; --limit N shows more, a pipe shows all\n`,
    );
  }
  if (items.length === 0 && !options.json && !options.ndjson) {
    context.stderr.write(
      merged.length > 0 ? 'no posts match the filters\n' : 'the selected feeds have no posts\n',
    );
  }
  if (failedWithNothing.length > 0) context.exitCode = ExitCode.failed;
  // The cache is written while the listing prints; a command ends only once it is on disk.
  await written;

  return {
    items,
    sources: results.map((result) => ({
      id: result.source.id,
      from: result.from,
      count: result.items.length,
      ...(result.failure
        ? { failure: { kind: result.failure.kind, message: result.failure.message } }
        : {}),
    })),
  };
}
