/** `pixel feed sources`: every known source, on or off, official or community. */
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import type { ResolvedSource } from '../../core/feed/source.js';
import { loadSources } from '../../io/feed/source-store.js';
import { formatSources, sourceToJson } from '../../ui/feed-format.js';
import { createChalk } from '../../ui/theme.js';

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
  if (options.json) {
    context.stdout.write(`${JSON.stringify(sources.map(sourceToJson), null, 2)}\n`);
  } else {
    context.stdout.write(
      formatSources(sources, {
        chalk: createChalk(context.color),
        columns: context.stdout.columns,
        tty: context.stdout.isTTY,
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
