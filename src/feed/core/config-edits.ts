/**
 * The user's own feed list (`<config>/feeds.json`) as pure data: reading it entry by entry,
 * and the edits `pixel feed add | remove | enable | disable | import` make to it. The shipped
 * defaults are never edited; removing one records its id, enabling it again brings it back.
 */
import { UsageError } from '../../errors.js';
import { quoted } from '../../shared/core/sanitize.js';
import { findSource } from './select-sources.js';
import {
  emptyUserConfig,
  feedSourceSchema,
  resolveSources,
  type FeedSource,
  type ResolvedSource,
  type UserFeedConfig,
} from './source.js';

/** The config as pixel uses it, plus what it could not use (kept in the file, never lost). */
export interface ParsedUserConfig {
  config: UserFeedConfig;
  /** Entries of `added` that are not valid sources, as they were in the file. */
  invalidEntries: unknown[];
  /** One line per problem, naming the entry. */
  problems: string[];
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

function describeEntry(entry: unknown, index: number): string {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `added[${index}] (${quoted(id)})` : `added[${index}]`;
}

/**
 * Validates the config entry by entry: one bad source among twenty added ones costs only
 * that source (named in the warning), never the whole list. Undefined when the file is not a
 * feed config at all (not an object, or another format version).
 */
export function parseUserConfig(data: unknown): ParsedUserConfig | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (record.version !== 1) return undefined;
  const config = emptyUserConfig();
  const invalidEntries: unknown[] = [];
  const problems: string[] = [];
  const added = record.added ?? [];
  if (Array.isArray(added)) {
    const seen = new Set<string>();
    added.forEach((entry, index) => {
      const result = feedSourceSchema().safeParse(entry);
      if (result.success && !seen.has(result.data.id)) {
        seen.add(result.data.id);
        config.added.push(result.data);
        return;
      }
      invalidEntries.push(entry);
      const issue = result.success
        ? 'the id is used twice'
        : result.error.issues
            .slice(0, 2)
            .map((problem) => `${problem.path.join('.') || 'entry'}: ${problem.message}`)
            .join('; ');
      problems.push(`${describeEntry(entry, index)} is not a valid source (${issue}); skipped`);
    });
  } else {
    problems.push('"added" is not a list; ignored');
  }
  for (const key of ['removed', 'enabled', 'disabled'] as const) {
    const value = record[key] ?? [];
    if (isStringArray(value)) config[key] = value;
    else problems.push(`"${key}" is not a list of ids; ignored`);
  }
  return { config, invalidEntries, problems };
}

/** Every source the user could turn on: the current list plus the defaults they removed. */
export function knownSources(base: readonly FeedSource[], config: UserFeedConfig) {
  return resolveSources(base, { ...config, removed: [] });
}

function without(list: readonly string[], id: string): string[] {
  return list.filter((entry) => entry !== id);
}

export function addSource(config: UserFeedConfig, source: FeedSource): void {
  config.added = config.added.filter((added) => added.id !== source.id);
  config.added.push(source);
  config.removed = without(config.removed, source.id);
  config.disabled = without(config.disabled, source.id);
}

/** Removes one source; returns it. A default is recorded as removed, a user's own deleted. */
export function removeSource(
  config: UserFeedConfig,
  base: readonly FeedSource[],
  id: string,
): ResolvedSource {
  const source = findSource(resolveSources(base, config), id);
  config.added = config.added.filter((added) => added.id !== source.id);
  if (base.some((entry) => entry.id === source.id) && !config.removed.includes(source.id)) {
    config.removed.push(source.id);
  }
  config.enabled = without(config.enabled, source.id);
  config.disabled = without(config.disabled, source.id);
  return source;
}

/**
 * Turns a source on or off; returns it. Enabling a default the user removed brings it back,
 * as `pixel feed remove --help` promises.
 */
export function setSourceEnabled(
  config: UserFeedConfig,
  base: readonly FeedSource[],
  id: string,
  enabled: boolean,
): ResolvedSource {
  const source = findSource(
    enabled ? knownSources(base, config) : resolveSources(base, config),
    id,
  );
  if (enabled) config.removed = without(config.removed, source.id);
  config.enabled = without(config.enabled, source.id);
  config.disabled = without(config.disabled, source.id);
  (enabled ? config.enabled : config.disabled).push(source.id);
  return source;
}

/** `--tag Research,NLP --tag open source` → `research`, `nlp`, `open-source`. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  return [
    ...new Set(
      (tags ?? [])
        .flatMap((tag) => tag.split(','))
        .map((tag) =>
          tag
            .trim()
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, ''),
        )
        .filter(Boolean),
    ),
  ];
}

/** A user's --id must be a slug and free. */
export function checkNewId(id: string, taken: ReadonlySet<string>, pattern: RegExp): void {
  if (!pattern.test(id)) {
    throw new UsageError(`--id must be a lower-case slug such as my-blog (got ${quoted(id)})`);
  }
  if (taken.has(id)) {
    throw new UsageError(`the id ${quoted(id)} is taken`, { hint: 'choose another with --id' });
  }
}
