/**
 * `pixel feed`: the latest posts from every enabled source, merged, deduplicated and sorted
 * newest first, numbered, with what is new since the last listing marked. Exit 0 when anything
 * was listed; 1 when some requested source failed with nothing cached for it; 3 when nothing at
 * all could be listed. `-i` in a terminal opens the interactive reader instead.
 */
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { parseDuration, parseSince } from '../core/dates.js';
import { filterItems } from '../core/filter.js';
import type { FeedItem } from '../core/item.js';
import { MAX_ITEMS_PER_SOURCE } from '../core/limits.js';
import { marksOf, recordListing } from '../core/reader-state.js';
import { selectSources } from '../core/select-sources.js';
import { resolveTopics } from '../core/topics.js';
import { quoted } from '../../shared/core/sanitize.js';
import { loadReaderState, updateReaderState } from '../io/reader-store.js';
import { loadSources } from '../io/source-store.js';
import {
  formatJson,
  formatNdjson,
  formatPlain,
  formatTerminal,
  supportsHyperlinks,
  type PostMarks,
} from '../ui/feed-format.js';
import { gather } from './gather.js';

// One schema per kind of option: each zod instance costs start-up to build.
const stringList = z.optional(z.array(z.string()));
const text = z.optional(z.string());
const flag = z.optional(z.boolean());

export const feedListOptionsSchema = z.object({
  source: stringList,
  tag: stringList,
  topic: stringList,
  since: text,
  search: text,
  limit: text,
  unread: flag,
  json: flag,
  ndjson: flag,
  long: flag,
  refresh: flag,
  offline: flag,
  maxAge: text,
  timeout: text,
  verbose: flag,
  interactive: flag,
});
export type FeedListOptions = z.infer<typeof feedListOptionsSchema>;

export const DEFAULT_MAX_AGE_MS = 30 * 60 * 1000;
export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_TERMINAL_LIMIT = 40;

export interface FeedListResult {
  items: FeedItem[];
  sources: {
    id: string;
    from: string;
    count: number;
    failure?: { kind: string; message: string };
  }[];
}

function durationOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new UsageError(
      `--${name} must be a duration such as 500ms, 10s, 30m or 2h (got ${quoted(text)})`,
    );
  }
  return ms;
}

function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`--limit must be a whole number of at least 1 (got ${quoted(text)})`);
  }
  return limit;
}

/** Everything the options say, checked before any work: a usage error costs no request. */
function readOptions(options: FeedListOptions, now: Date) {
  if (options.json && options.ndjson) {
    throw new UsageError('--json and --ndjson cannot be used together');
  }
  if (options.refresh && options.offline) {
    throw new UsageError('--refresh and --offline cannot be used together');
  }
  const since = options.since === undefined ? undefined : parseSince(options.since, now);
  if (options.since !== undefined && !since) {
    throw new UsageError(
      `--since takes a duration like 7d or 12h, or a date like 2026-11-01 (got ${quoted(options.since)})`,
    );
  }
  return {
    since,
    limit: parseLimit(options.limit),
    topics: resolveTopics(options.topic ?? []),
    gather: {
      refresh: Boolean(options.refresh),
      offline: Boolean(options.offline),
      maxAgeMs: durationOption('max-age', options.maxAge, DEFAULT_MAX_AGE_MS),
      timeoutMs: durationOption('timeout', options.timeout, DEFAULT_TIMEOUT_MS),
      verbose: Boolean(options.verbose),
    },
  };
}

export async function feedList(
  options: FeedListOptions,
  context: Context,
): Promise<FeedListResult> {
  const now = context.now();
  const parsed = readOptions(options, now);
  const all = await loadSources(context);
  const selected = selectSources(all, options.source ?? [], options.tag ?? []);
  if (selected.length === 0) {
    throw new UsageError('no feed sources are enabled', {
      hint: "'pixel feed sources' lists them; 'pixel feed enable <id>' turns one on",
    });
  }
  const data = !!(options.json || options.ndjson);
  const sourceNames = new Map(all.map((source) => [source.id, source.name]));

  if (options.interactive && !data && context.stdout.isTTY && context.stdinIsTTY) {
    const { runReader } = await import('./interactive.js');
    await runReader(context, {
      sources: selected,
      sourceNames,
      gather: parsed.gather,
      filter: { ...(parsed.since ? { since: parsed.since } : {}), topics: parsed.topics },
      unreadOnly: Boolean(options.unread),
    });
    return { items: [], sources: [] };
  }

  const terminal = context.stdout.isTTY && !data;
  const gathered = await gather(selected, context, { ...parsed.gather, progress: terminal });
  for (const line of gathered.warnings) context.warn(line);

  const state = await loadReaderState(context);
  const reader = marksOf(state);
  const marks: PostMarks = {
    ...reader,
    fromSnapshot: (item) => gathered.snapshotPosts.has(item),
  };
  const matching = filterItems(
    gathered.merged,
    {
      ...(parsed.since ? { since: parsed.since } : {}),
      ...(options.search ? { search: options.search } : {}),
      topics: parsed.topics,
      ...(options.unread ? { exclude: reader.isRead } : {}),
    },
    sourceNames,
  );
  // A person at a terminal wants the latest screenful; pipes and JSON get everything.
  const shown = parsed.limit ?? (terminal ? DEFAULT_TERMINAL_LIMIT : undefined);
  const items = shown === undefined ? matching : matching.slice(0, shown);

  if (options.json) context.stdout.write(formatJson(items, marks));
  else if (options.ndjson) context.stdout.write(formatNdjson(items, marks));
  else if (terminal) {
    // chalk (and the tty probing it does on import) only for a person at a terminal.
    const { chalkFor } = await import('../../shared/ui/plain-chalk.js');
    context.stdout.write(
      formatTerminal(items, {
        now,
        columns: context.stdout.columns,
        chalk: await chalkFor(context.color),
        hyperlinks: supportsHyperlinks(context.env, context.stdout.isTTY),
        long: Boolean(options.long),
        sourceNames,
        marks,
      }),
    );
  } else context.stdout.write(formatPlain(items, Boolean(options.long)));

  writeNotes(context, { terminal, data, items, matching, gathered, limited: parsed.limit });
  if (options.search || options.since) noteCappedSources(context, gathered.results);
  if (gathered.failedWithNothing) context.exitCode = ExitCode.failed;

  // The cache and the reader's marks are written once the listing is out.
  for (const problem of await gathered.save()) context.warn(problem);
  if (!data) {
    try {
      await updateReaderState(context, (next) => recordListing(next, items, now));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      context.warn(`could not save which posts were listed (${code})`);
    }
  }
  return {
    items,
    sources: gathered.results.map((result) => ({
      id: result.source.id,
      from: result.from,
      count: result.items.length,
      ...(result.failure
        ? { failure: { kind: result.failure.kind, message: result.failure.message } }
        : {}),
    })),
  };
}

function writeNotes(
  context: Context,
  notes: {
    terminal: boolean;
    data: boolean;
    items: readonly FeedItem[];
    matching: readonly FeedItem[];
    gathered: Awaited<ReturnType<typeof gather>>;
    limited: number | undefined;
  },
): void {
  const { terminal, items, matching, gathered } = notes;
  if (terminal && items.some((item) => gathered.snapshotPosts.has(item))) {
    context.stderr.write('◌ = from the snapshot shipped with pixel, not fetched from the lab\n');
  }
  if (terminal && notes.limited === undefined && matching.length > items.length) {
    context.stderr.write(
      `showing the newest ${items.length} of ${matching.length} posts; --limit N shows more, a pipe shows all\n`,
    );
  }
  if (items.length === 0 && !notes.data) {
    context.stderr.write(
      gathered.merged.length > 0
        ? 'no posts match the filters\n'
        : 'the selected feeds have no posts\n',
    );
  }
}

/** --search and --since look only at the posts kept per source: say so when a feed has more. */
function noteCappedSources(
  context: Context,
  results: Awaited<ReturnType<typeof gather>>['results'],
): void {
  const capped = results.filter(
    (result) => result.total !== undefined && result.total > result.items.length,
  );
  if (capped.length === 0) return;
  const names = capped.map((result) => `${result.source.id} (${result.total})`).join(', ');
  context.stderr.write(
    `searched the newest ${MAX_ITEMS_PER_SOURCE} posts of each source; older ones are not kept: ${names}\n`,
  );
}
