/**
 * Where the sources come from: the curated list shipped in feeds/sources.json (or, when
 * PIXEL_FEED_SOURCES names a file of the same shape, that list instead: tests, benches and
 * teams with their own curated list use it), with the user's changes from
 * `<config>/feeds.json` applied on top.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { Context } from '../../context.js';
import {
  emptyUserConfig,
  resolveSources,
  sourceListSchema,
  userFeedConfigSchema,
  type FeedSource,
  type ResolvedSource,
  type UserFeedConfig,
} from '../../core/feed/source.js';
import { withFileLock } from '../file-lock.js';
import { readJsonFile, writeJsonFile } from '../json-store.js';
import { packageRoot } from '../package-root.js';

export function userConfigFile(context: Context): string {
  return join(context.paths.config, 'feeds.json');
}

/** The base list: PIXEL_FEED_SOURCES if set, else the curated defaults. */
export async function loadBaseSources(context: Context): Promise<FeedSource[]> {
  const override = context.env.PIXEL_FEED_SOURCES?.trim();
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
  const result = sourceListSchema.safeParse(data);
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
  return result.data.sources;
}

export async function loadUserConfig(context: Context): Promise<UserFeedConfig> {
  return (
    (await readJsonFile(
      userConfigFile(context),
      userFeedConfigSchema,
      context.warn,
      context.now(),
    )) ?? emptyUserConfig()
  );
}

export async function loadSources(context: Context): Promise<ResolvedSource[]> {
  const [base, user] = await Promise.all([loadBaseSources(context), loadUserConfig(context)]);
  return resolveSources(base, user);
}

/** Changes the user's config under a lock, so two pixels at once cannot lose an edit. */
export async function updateUserConfig<T>(
  context: Context,
  change: (config: UserFeedConfig) => T,
): Promise<T> {
  const file = userConfigFile(context);
  return withFileLock(file, async () => {
    const config = await loadUserConfig(context);
    const result = change(config);
    await writeJsonFile(file, config);
    return result;
  });
}
