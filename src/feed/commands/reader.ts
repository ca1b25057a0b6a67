/**
 * `pixel feed read N|all` and `pixel feed open N`: N is the number a post had in the last
 * listing (line N of piped output). Reading marks posts read; opening shows one in the browser
 * (http(s) only, never through a shell) and marks it read too.
 */
import * as z from 'zod/mini';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import {
  markRead,
  markUnread,
  parsePositions,
  type ListedPost,
  type ReaderState,
} from '../core/reader-state.js';
import { quoted } from '../../shared/core/sanitize.js';
import { loadReaderState, updateReaderState } from '../io/reader-store.js';

export const feedReadOptionsSchema = z.object({
  posts: z.array(z.string()),
  unread: z.optional(z.boolean()),
});
export type FeedReadOptions = z.infer<typeof feedReadOptionsSchema>;

export const feedOpenOptionsSchema = z.object({ post: z.string() });
export type FeedOpenOptions = z.infer<typeof feedOpenOptionsSchema>;

function pick(state: ReaderState, words: readonly string[]): ListedPost[] {
  const count = state.lastListing.length;
  if (count === 0) {
    throw new UsageError(
      state.lastListedAt ? 'the last listing showed no posts' : 'no listing to pick from yet',
      { hint: "run 'pixel feed': its posts are numbered" },
    );
  }
  const parsed = parsePositions(words, count);
  if ('problem' in parsed) {
    throw new UsageError(`${quoted(parsed.problem)} is not a post of the last listing`, {
      hint: `give numbers from 1 to ${count}, a range such as 2-5, or all`,
    });
  }
  if (parsed.positions.length === 0) throw new UsageError('say which posts: a number, or all');
  return parsed.positions.map((position) => state.lastListing[position - 1] as ListedPost);
}

export async function feedRead(options: FeedReadOptions, context: Context): Promise<number> {
  const posts = await updateReaderState(
    context,
    (state) => {
      const chosen = pick(state, options.posts);
      const keys = chosen.map((post) => post.key);
      if (options.unread) markUnread(state, keys);
      else markRead(state, keys);
      return chosen;
    },
    { withListing: true },
  );
  const verb = options.unread ? 'unread' : 'read';
  context.stdout.write(
    posts.length === 1
      ? `marked ${verb}: ${posts[0]?.link ?? 'the post'}\n`
      : `marked ${posts.length} posts ${verb}\n`,
  );
  return posts.length;
}

export async function feedOpen(options: FeedOpenOptions, context: Context): Promise<string> {
  const [post] = pick(await loadReaderState(context, { withListing: true }), [options.post]);
  if (!post?.link) {
    throw new UsageError(`post ${quoted(options.post)} has no link to open`, {
      hint: "its feed gave no http(s) address; 'pixel feed --long' shows what there is",
    });
  }
  // Opened first: a post that could not be shown stays unread.
  await context.openUrl(post.link);
  await updateReaderState(context, (state) => markRead(state, [post.key]));
  context.stdout.write(`opened ${post.link}\n`);
  return post.link;
}
