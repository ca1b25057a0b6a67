/** `pixel feed sources`: every known source, on or off, official or community. */
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import type { ResolvedSource } from '../core/source.js';
import { readFeedCache } from '../io/cache-store.js';
import { loadSources } from '../io/source-store.js';
import { formatSources, sourceToJson, type SourceStatus } from '../ui/feed-format.js';
import { createChalk } from '../../shared/ui/theme.js';

export const feedSourcesOptionsSchema = z.object({
  json: z.optional(z.boolean()),
  tag: z.optional(z.array(z.string())),
});
export type FeedSourcesOptions = z.infer<typeof feedSourcesOptionsSchema>;

export async function feedSources(
  options: FeedSourcesOptions,
  context: Context,
): Promise<ResolvedSource[]> {
  const all = await loadSources(context);
  const tags = new Set((options.tag ?? []).map((tag) => tag.toLowerCase()));
  const sources = tags.size > 0 ? all.filter((s) => s.tags.some((t) => tags.has(t))) : all;
  const now = context.now();
  const statuses = new Map<string, SourceStatus>();
  for (const source of sources) {
    const { cache } = readFeedCache(context.paths, source.id, source.url, now);
    if (cache) {
      statuses.set(source.id, {
        checkedAt: cache.checkedAt,
        posts: cache.items.length,
        movedTo: cache.movedTo ?? null,
      });
    }
  }
  if (options.json) {
    const data = sources.map((source) => sourceToJson(source, statuses.get(source.id)));
    context.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  } else {
    context.stdout.write(
      formatSources(sources, {
        chalk: createChalk(context.color),
        columns: context.stdout.columns,
        tty: context.stdout.isTTY,
        statuses,
        now,
      }),
    );
    if (context.stdout.isTTY) {
      const on = sources.filter((source) => source.enabled).length;
      context.stdout.write(
        `\n${on} of ${sources.length} enabled. community = not published by the lab itself.\n`,
      );
    }
  }
  return sources;
}
