/**
 * One screen of `pixel feed -i` as text: a header (which source, how many posts, filters), a
 * window of numbered posts around the cursor, the selected post's details when Enter asked for
 * them, and a footer with the keys or the filter being typed. Never taller than the screen.
 */
import type { ChalkInstance } from 'chalk';
import { shortAge } from '../core/dates.js';
import { postKey } from '../core/reader-state.js';
import { padToWidth, truncateToWidth } from '../../shared/core/text-width.js';
import { wrapText } from '../../shared/core/wrap-text.js';
import {
  currentSource,
  selectedPost,
  visiblePosts,
  type ReaderViewState,
} from './feed-reader-state.js';

export const READER_KEYS =
  'j/k move · enter details · o open · / filter · s source · u unread · r refresh · q quit';

export interface ReaderFrameOptions {
  columns: number;
  rows: number;
  chalk: ChalkInstance;
  now: Date;
  sourceNames: ReadonlyMap<string, string>;
}

export function formatReaderFrame(state: ReaderViewState, options: ReaderFrameOptions): string {
  const { chalk, columns } = options;
  const width = Math.max(20, columns - 1);
  const posts = visiblePosts(state);
  const source = currentSource(state);
  const scope = source ? (options.sourceNames.get(source) ?? source) : 'all sources';
  const filters = [
    state.unreadOnly ? 'unread only' : '',
    state.filter && !state.editingFilter ? `matching “${state.filter}”` : '',
  ].filter(Boolean);
  const header = truncateToWidth(
    `${chalk.bold('pixel feed')} · ${scope} · ${posts.length} post${posts.length === 1 ? '' : 's'}${filters.length > 0 ? ` · ${filters.join(' · ')}` : ''}`,
    width,
  );
  const selected = selectedPost(state);
  const details: string[] = [];
  if (state.detail && selected) {
    const by = selected.authors.length > 0 ? ` · by ${selected.authors.join(', ')}` : '';
    const when = selected.published ? selected.published.slice(0, 10) : 'undated';
    details.push(chalk.dim('─'.repeat(width)));
    details.push(truncateToWidth(chalk.bold(selected.title), width));
    details.push(
      chalk.dim(
        truncateToWidth(
          `${options.sourceNames.get(selected.source) ?? selected.source} · ${when}${by}`,
          width,
        ),
      ),
    );
    const summary = selected.summary ? wrapText(selected.summary, width).slice(0, 6) : [];
    details.push(...(summary.length > 0 ? summary : [chalk.dim('(no summary)')]));
    details.push(chalk.cyan(truncateToWidth(selected.link ?? '(no link)', width)));
  }
  const footer = state.editingFilter
    ? `/${state.filter}▌  ${chalk.dim('enter keep · esc clear')}`
    : chalk.dim(truncateToWidth(`${state.status} · ${READER_KEYS}`, width));
  // One line short of the screen: ink redraws a frame as tall as the screen by clearing it.
  const room = Math.max(3, options.rows - 4 - details.length);
  const start = Math.min(
    Math.max(0, state.cursor - Math.floor(room / 2)),
    Math.max(0, posts.length - room),
  );
  const numberWidth = String(posts.length).length;
  const list = posts.slice(start, start + room).map((post, offset) => {
    const index = start + offset;
    const age = (post.published ? shortAge(new Date(post.published), options.now) : '?').padStart(
      7,
    );
    const key = postKey(post);
    const mark = state.isNew.has(key) && !state.read.has(key) ? chalk.green('●') : ' ';
    const name = padToWidth(
      truncateToWidth(options.sourceNames.get(post.source) ?? post.source, 14),
      14,
    );
    const topics = post.topics.length > 0 ? ` [${post.topics.join(', ')}]` : '';
    const prefix = `${String(index + 1).padStart(numberWidth)} ${age}  ${name}  `;
    const title = truncateToWidth(
      `${post.title}${topics}`,
      Math.max(10, width - prefix.length - 2),
    );
    const text = `${prefix}${mark} ${title}`;
    if (index === state.cursor) return chalk.inverse(padToWidth(text, width));
    return state.read.has(key) ? chalk.dim(text) : text;
  });
  if (posts.length === 0) list.push(chalk.dim('no posts match'));
  return [header, ...list, ...details, footer].join('\n');
}
