/**
 * `pixel feed add | remove | enable | disable`: changes to the user's own list in
 * `<config>/feeds.json` (the edits themselves are pure: feed/core/config-edits.ts).
 */
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import {
  addSource,
  checkNewId,
  cleanTags,
  removeSource,
  setSourceEnabled,
} from '../core/config-edits.js';
import { FeedFailure } from '../core/failure.js';
import { safeLink } from '../core/normalize.js';
import { makeSourceId, resolveSources, SOURCE_ID, type FeedSource } from '../core/source.js';
import { quoted, sanitizeText } from '../../shared/core/sanitize.js';
import { updateUserConfig } from '../io/source-store.js';

export const feedAddOptionsSchema = z.object({
  url: z.string(),
  name: z.optional(z.string()),
  id: z.optional(z.string()),
  tag: z.optional(z.array(z.string())),
  home: z.optional(z.string()),
  /** commander's --no-check: false skips fetching the address first. */
  check: z.optional(z.boolean()),
});
export type FeedAddOptions = z.infer<typeof feedAddOptionsSchema>;

export const feedIdOptionsSchema = z.object({ id: z.string() });
export type FeedIdOptions = z.infer<typeof feedIdOptionsSchema>;

/** Failures that say nothing about the address itself: add it anyway, with a warning. */
const UNREACHABLE = new Set(['network', 'timeout', 'deadline']);

interface Checked {
  url: string;
  home?: string;
  title?: string;
}

async function checkAddress(url: string, context: Context): Promise<Checked> {
  const { discoverFeed } = await import('../io/discover-feed.js');
  try {
    const found = await discoverFeed(url, context.version);
    if (found.home) {
      context.stderr.write(`found the feed ${found.url} on that page\n`);
      for (const other of found.alternatives.slice(0, 5)) {
        context.stderr.write(`  the page also lists ${other}\n`);
      }
    }
    return { url: found.url, ...(found.home ? { home: found.home } : {}), title: found.title };
  } catch (error) {
    if (!(error instanceof FeedFailure)) throw error;
    const reason = sanitizeText(error.message, { singleLine: true });
    if (UNREACHABLE.has(error.kind)) {
      context.warn(`could not check ${url} now (${reason}); added it as given`);
      return { url };
    }
    throw new UsageError(`${url} is not a feed pixel can read: ${reason}`, {
      hint: "give the feed's own address or the blog's home page; --no-check adds it unchecked",
    });
  }
}

export async function feedAdd(options: FeedAddOptions, context: Context): Promise<FeedSource> {
  const given = safeLink(options.url, undefined);
  if (!given) {
    throw new UsageError(`${quoted(options.url)} is not an http(s) URL`, {
      hint: 'give the address of the feed or of the blog, e.g. https://example.org/feed.xml',
    });
  }
  const home = options.home === undefined ? undefined : safeLink(options.home, undefined);
  if (options.home !== undefined && !home) {
    throw new UsageError(`--home must be an http(s) URL (got ${quoted(options.home)})`);
  }
  // The id's form is checked before any request; whether it is free, under the lock.
  if (options.id !== undefined) checkNewId(options.id, new Set(), SOURCE_ID);
  const checked = options.check === false ? { url: given } : await checkAddress(given, context);
  const source = await updateUserConfig(context, (config, base) => {
    const existing = resolveSources(base, config);
    const sameUrl = existing.find((entry) => entry.url === checked.url);
    if (sameUrl) {
      throw new UsageError(`that feed is already listed as '${sameUrl.id}'`, {
        hint: sameUrl.enabled ? undefined : `turn it on with 'pixel feed enable ${sameUrl.id}'`,
      });
    }
    const taken = new Set(existing.map((entry) => entry.id));
    if (options.id !== undefined) checkNewId(options.id, taken, SOURCE_ID);
    const label = options.name ?? (checked.title || new URL(checked.url).hostname);
    const name = sanitizeText(label, { singleLine: true }).slice(0, 80);
    const homePage = home ?? checked.home;
    const added: FeedSource = {
      id: options.id ?? makeSourceId(options.name ?? (checked.title || checked.url), taken),
      name: name || checked.url,
      url: checked.url,
      ...(homePage ? { home: homePage } : {}),
      tags: cleanTags(options.tag),
      provenance: 'official',
      enabled: true,
    };
    addSource(config, added);
    return added;
  });
  context.stdout.write(`added ${source.id}: ${source.name} <${source.url}>\n`);
  return source;
}

export async function feedRemove(options: FeedIdOptions, context: Context): Promise<string> {
  const { source, wasDefault } = await updateUserConfig(context, (config, base) => ({
    source: removeSource(config, base, options.id),
    wasDefault: base.some((entry) => entry.id === options.id.trim().toLowerCase()),
  }));
  context.stdout.write(
    `removed ${source.id}${wasDefault ? ` (a default: 'pixel feed enable ${source.id}' brings it back)` : ''}\n`,
  );
  return source.id;
}

async function setEnabled(options: FeedIdOptions, context: Context, enabled: boolean) {
  const source = await updateUserConfig(context, (config, base) =>
    setSourceEnabled(config, base, options.id, enabled),
  );
  context.stdout.write(`${enabled ? 'enabled' : 'disabled'} ${source.id}\n`);
  return source.id;
}

export function feedEnable(options: FeedIdOptions, context: Context): Promise<string> {
  return setEnabled(options, context, true);
}

export function feedDisable(options: FeedIdOptions, context: Context): Promise<string> {
  return setEnabled(options, context, false);
}
