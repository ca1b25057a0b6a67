/**
 * `pixel feed add | remove | enable | disable`: changes to the user's own list in
 * `<config>/feeds.json`. The shipped defaults are never edited; removing one records it.
 */
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { safeLink } from '../../core/feed/normalize.js';
import { sanitizeText } from '../../core/sanitize.js';
import { makeSourceId, SOURCE_ID, type FeedSource } from '../../core/feed/source.js';
import { loadSources, updateUserConfig } from '../../io/feed/source-store.js';
import { findSource } from './select-sources.js';

export const feedAddOptionsSchema = z.object({
  url: z.string(),
  name: z.optional(z.string()),
  id: z.optional(z.string()),
  tag: z.optional(z.array(z.string())),
  home: z.optional(z.string()),
});
export type FeedAddOptions = z.infer<typeof feedAddOptionsSchema>;

export const feedIdOptionsSchema = z.object({ id: z.string() });
export type FeedIdOptions = z.infer<typeof feedIdOptionsSchema>;

function cleanTags(tags: readonly string[] | undefined): string[] {
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

export async function feedAdd(options: FeedAddOptions, context: Context): Promise<FeedSource> {
  const url = safeLink(options.url, undefined);
  if (!url) {
    throw new UsageError(
      `'${sanitizeText(options.url, { singleLine: true })}' is not an http(s) URL`,
      {
        hint: 'give the address of the feed itself, e.g. https://example.org/feed.xml',
      },
    );
  }
  const home = options.home === undefined ? undefined : safeLink(options.home, undefined);
  if (options.home !== undefined && !home) throw new UsageError('--home must be an http(s) URL');
  if (options.id !== undefined && !SOURCE_ID.test(options.id)) {
    throw new UsageError(`--id must be a lower-case slug such as my-blog (got '${options.id}')`);
  }
  const existing = await loadSources(context);
  const sameUrl = existing.find((source) => source.url === url);
  if (sameUrl) {
    throw new UsageError(`that feed is already listed as '${sameUrl.id}'`, {
      hint: sameUrl.enabled ? undefined : `turn it on with 'pixel feed enable ${sameUrl.id}'`,
    });
  }
  const name = sanitizeText(options.name ?? new URL(url).hostname, { singleLine: true }).slice(
    0,
    80,
  );
  const taken = new Set(existing.map((source) => source.id));
  if (options.id !== undefined && taken.has(options.id)) {
    throw new UsageError(`the id '${options.id}' is taken`, { hint: 'choose another with --id' });
  }
  const source: FeedSource = {
    id: options.id ?? makeSourceId(options.name ?? url, taken),
    name: name || url,
    url,
    ...(home ? { home } : {}),
    tags: cleanTags(options.tag),
    provenance: 'official',
    enabled: true,
  };
  await updateUserConfig(context, (config) => {
    config.added = config.added.filter((added) => added.id !== source.id);
    config.added.push(source);
    config.removed = config.removed.filter((id) => id !== source.id);
    config.disabled = config.disabled.filter((id) => id !== source.id);
  });
  context.stdout.write(`added ${source.id}: ${source.name} <${source.url}>\n`);
  return source;
}

export async function feedRemove(options: FeedIdOptions, context: Context): Promise<string> {
  const source = findSource(await loadSources(context), options.id);
  await updateUserConfig(context, (config) => {
    const wasAdded = config.added.some((added) => added.id === source.id);
    config.added = config.added.filter((added) => added.id !== source.id);
    if (!wasAdded || source.origin === 'default') {
      if (!config.removed.includes(source.id)) config.removed.push(source.id);
    }
    config.enabled = config.enabled.filter((id) => id !== source.id);
    config.disabled = config.disabled.filter((id) => id !== source.id);
  });
  context.stdout.write(
    `removed ${source.id}${source.origin === 'default' ? " (a default: 'pixel feed export' keeps a copy of your list)" : ''}\n`,
  );
  return source.id;
}

async function setEnabled(options: FeedIdOptions, context: Context, enabled: boolean) {
  const source = findSource(await loadSources(context), options.id);
  await updateUserConfig(context, (config) => {
    config.enabled = config.enabled.filter((id) => id !== source.id);
    config.disabled = config.disabled.filter((id) => id !== source.id);
    (enabled ? config.enabled : config.disabled).push(source.id);
  });
  context.stdout.write(`${enabled ? 'enabled' : 'disabled'} ${source.id}\n`);
  return source.id;
}

export function feedEnable(options: FeedIdOptions, context: Context): Promise<string> {
  return setEnabled(options, context, true);
}

export function feedDisable(options: FeedIdOptions, context: Context): Promise<string> {
  return setEnabled(options, context, false);
}
