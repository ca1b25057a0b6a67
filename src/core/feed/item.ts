import * as z from 'zod/mini';

/**
 * One post, normalised: every field is plain, sanitised text, `link` is an absolute http(s) URL
 * or null, `published` an ISO instant or null when the feed gave no usable date. This is also
 * the documented `--json`/`--ndjson` shape (plus `sourceName`, which --json leaves out).
 */
export const feedItemSchema = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  link: z.nullable(z.string()),
  published: z.nullable(z.string()),
  summary: z.string(),
  categories: z.array(z.string()),
});
export type FeedItem = z.infer<typeof feedItemSchema>;
