/**
 * Where the sources come from: the curated list shipped in feeds/sources.json (or, when
 * PIXEL_FEED_SOURCES names a file of the same shape, that list instead: tests, benches and
 * teams with their own curated list use it), with the user's changes from
 * `<config>/feeds.json` applied on top.
 */
import { readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../../errors.js';
import type { Context } from '../../context.js';
import { parseUserConfig, type ParsedUserConfig } from '../core/config-edits.js';
import {
  emptyUserConfig,
  resolveSources,
  sourceListSchema,
  type FeedSource,
  type ResolvedSource,
  type UserFeedConfig,
} from '../core/source.js';
import { withFileLock } from '../../shared/io/file-lock.js';
import { writeJsonFile } from '../../shared/io/json-store.js';
import { packageRoot } from '../../shared/io/package-root.js';

export function userConfigFile(context: Context): string {
  return join(context.paths.config, 'feeds.json');
}

/** Where the build writes the curated defaults, validated and with every default filled in. */
export const BUILT_SOURCES_PATH = ['dist', 'feeds', 'sources.json'];

/**
 * The curated defaults as the build validated them (scripts/content-feeds.ts), read without a
 * second validation: a schema check of the list cost a feed command ~4 ms on every run.
 * Undefined when there is no build (tests running the sources).
 */
function builtDefaults(): FeedSource[] | undefined {
  try {
    const data = JSON.parse(readFileSync(join(packageRoot(), ...BUILT_SOURCES_PATH), 'utf8')) as {
      version?: unknown;
      sources?: unknown;
    };
    return data.version === 1 && Array.isArray(data.sources)
      ? (data.sources as FeedSource[])
      : undefined;
  } catch {
    return undefined;
  }
}

/** The base list: PIXEL_FEED_SOURCES if set, else the curated defaults. */
export function loadBaseSources(context: Context): Promise<FeedSource[]> {
  const override = context.env.PIXEL_FEED_SOURCES?.trim();
  if (!override) {
    const built = builtDefaults();
    if (built) return Promise.resolve(built);
  }
  const file = override
    ? resolve(context.cwd, override)
    : join(packageRoot(), 'feeds', 'sources.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the feed sources file ${file}: ${(error as Error).message}`, {
      hint: override
        ? 'PIXEL_FEED_SOURCES must name a readable JSON file; unset it to use the defaults'
        : 'the pixel install looks damaged: reinstall it',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`the feed sources file ${file} is not valid JSON`, {
      hint: 'fix the file, or unset PIXEL_FEED_SOURCES',
    });
  }
  const result = sourceListSchema().safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new UsageError(`the feed sources file ${file} is invalid: ${problems.join('; ')}`, {
      hint: 'each source needs an id (a-z, 0-9, -), a name and an http(s) url',
    });
  }
  const ids = result.data.sources.map((source) => source.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) {
    throw new UsageError(`the feed sources file ${file} lists the id '${duplicate}' twice`, {
      hint: 'give every source its own id',
    });
  }
  return Promise.resolve(result.data.sources);
}

interface LoadedUserConfig extends ParsedUserConfig {
  /** Set when the file exists but cannot be read: nothing may be written over it. */
  unreadable?: string;
}

/**
 * The user's config, entry by entry (feed/core/config-edits.ts). A file that cannot be read
 * leaves the defaults in place with a warning; one that is not a feed config at all is moved
 * aside (`*.corrupt-<time>`), as every invalid state file is.
 */
function readUserConfig(context: Context): LoadedUserConfig {
  const file = userConfigFile(context);
  const empty = { config: emptyUserConfig(), invalidEntries: [], problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code === 'ENOENT') return empty;
    return { ...empty, unreadable: `cannot read ${file} (${code})` };
  }
  let parsed: ParsedUserConfig | undefined;
  let problem = 'is not a feed config';
  try {
    parsed = parseUserConfig(JSON.parse(text));
  } catch {
    problem = 'is not valid JSON';
  }
  if (parsed) return parsed;
  const aside = `${file}.corrupt-${context.now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    return { ...empty, problems: [`${file} ${problem}; moved it to ${aside} and started afresh`] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ...empty, unreadable: `${file} ${problem} and cannot be moved aside (${code})` };
  }
}

export function loadUserConfig(context: Context): Promise<UserFeedConfig> {
  const loaded = readUserConfig(context);
  if (loaded.unreadable) {
    context.warn(`${loaded.unreadable}; using the default sources only`);
  }
  for (const problem of loaded.problems) context.warn(`${userConfigFile(context)}: ${problem}`);
  return Promise.resolve(loaded.config);
}

export async function loadSources(context: Context): Promise<ResolvedSource[]> {
  // The user's config first: reading it may warn or move a corrupt file aside, which happens even
  // when the base list then fails (reading the base list has no other effect).
  const [user, base] = await Promise.all([loadUserConfig(context), loadBaseSources(context)]);
  return resolveSources(base, user);
}

/**
 * Changes the user's config under a lock, so two pixels at once cannot lose an edit. Entries
 * pixel could not read are written back as they were, and a file it cannot read at all is
 * never written over.
 */
export async function updateUserConfig<T>(
  context: Context,
  change: (config: UserFeedConfig, base: FeedSource[]) => T,
): Promise<T> {
  const file = userConfigFile(context);
  const base = await loadBaseSources(context);
  return withFileLock(file, async () => {
    const loaded = readUserConfig(context);
    if (loaded.unreadable) {
      throw new EnvironmentError(`${loaded.unreadable}, so your feed list cannot be changed`, {
        hint: `fix its owner or permissions (ls -l ${file}), or move it away to start afresh`,
      });
    }
    for (const problem of loaded.problems) context.warn(`${file}: ${problem}`);
    const result = change(loaded.config, base);
    await writeJsonFile(file, {
      ...loaded.config,
      added: [...loaded.config.added, ...loaded.invalidEntries],
    });
    return result;
  });
}
