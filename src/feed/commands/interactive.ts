/**
 * `pixel feed -i`: the interactive reader. Gathers the posts as a listing does, then hands
 * them to the ink view and carries out what the keys ask: `o` opens the selected post in the
 * browser and marks it read, `r` refreshes every source, and leaving records what was shown,
 * so the next listing marks only newer posts as new.
 */
import type { Context } from '../../context.js';
import { filterItems, type ItemFilter } from '../core/filter.js';
import type { FeedItem } from '../core/item.js';
import { marksOf, markRead, postKey, recordListing } from '../core/reader-state.js';
import type { ResolvedSource } from '../core/source.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import { loadReaderState, updateReaderState } from '../io/reader-store.js';
import { gather, type GatherOptions } from './gather.js';

export interface ReaderOptions {
  sources: readonly ResolvedSource[];
  sourceNames: ReadonlyMap<string, string>;
  gather: Omit<GatherOptions, 'progress'>;
  filter: ItemFilter;
  unreadOnly: boolean;
}

export async function runReader(context: Context, options: ReaderOptions): Promise<void> {
  const load = async (refresh: boolean) => {
    const gathered = await gather(options.sources, context, {
      ...options.gather,
      refresh: refresh || options.gather.refresh,
      progress: false,
    });
    const problems = await gathered.save();
    const posts = filterItems(gathered.merged, options.filter, options.sourceNames);
    const notes = [...gathered.warnings, ...problems];
    return { posts, status: notes[0] ?? `${posts.length} posts` };
  };
  if (context.stderr.isTTY) context.stderr.write('fetching…\r');
  const first = await load(false);
  if (context.stderr.isTTY) context.stderr.write('\r\u001b[2K');
  const state = await loadReaderState(context);
  const marks = marksOf(state);
  const keysWhere = (test: (item: FeedItem) => boolean) =>
    new Set(first.posts.filter(test).map((post) => postKey(post)));

  const [{ chalkFor }, view, reducer] = await Promise.all([
    import('../../shared/ui/plain-chalk.js'),
    import('../ui/feed-reader-view.js'),
    import('../ui/feed-reader-state.js'),
  ]);
  let current = reducer.initialReaderState(first.posts, {
    read: keysWhere(marks.isRead),
    isNew: keysWhere(marks.isNew),
    unreadOnly: options.unreadOnly,
  });
  current = { ...current, status: first.status };
  const screen = await view.showReaderView(current, {
    chalk: await chalkFor(context.color),
    columns: () => context.stdout.columns,
    rows: () => context.stdout.rows,
    now: context.now(),
    sourceNames: options.sourceNames,
  });
  const dispatch = (action: Parameters<typeof reducer.readerReducer>[1]) => {
    // A refresh or an open can finish after the reader was closed: nothing left to draw.
    if (current.quit) return;
    current = reducer.readerReducer(current, action);
    if (current.quit) screen.close();
    else screen.draw(current);
    if (action.type === 'open') void openSelected();
    if (action.type === 'refresh') void refresh();
  };
  const openSelected = async () => {
    const post = reducer.selectedPost(current);
    if (!post?.link) {
      dispatch({ type: 'status', text: 'this post has no link to open' });
      return;
    }
    try {
      await context.openUrl(post.link);
      await updateReaderState(context, (next) => markRead(next, [postKey(post)]));
      dispatch({ type: 'marked-read', key: postKey(post) });
      dispatch({ type: 'status', text: `opened ${post.link}` });
    } catch (error) {
      dispatch({
        type: 'status',
        text: sanitizeText((error as Error).message, { singleLine: true }),
      });
    }
  };
  const refresh = async () => {
    try {
      const next = await load(true);
      dispatch({ type: 'loaded', posts: next.posts, status: next.status });
    } catch (error) {
      dispatch({
        type: 'loaded',
        posts: current.posts,
        status: sanitizeText((error as Error).message, { singleLine: true }),
      });
    }
  };
  screen.onAction(dispatch);
  await screen.closed;
  await updateReaderState(context, (next) => recordListing(next, current.posts, context.now()));
}
