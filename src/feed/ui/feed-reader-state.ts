/**
 * `pixel feed -i`, pure: what each key means (keymap), how the reader's state changes
 * (reducer), and which posts are on the list (visiblePosts). The controller fetches and opens;
 * the ink view only draws; everything here is tested without a terminal.
 */
import { filterItems } from '../core/filter.js';
import type { FeedItem } from '../core/item.js';
import { postKey } from '../core/reader-state.js';
import type { KeyInfo } from '../../shared/ui/key-burst.js';

export interface ReaderViewState {
  posts: readonly FeedItem[];
  /** Source ids to cycle through with `s`; the view shows all of them at index -1. */
  sources: readonly string[];
  sourceIndex: number;
  unreadOnly: boolean;
  /** The `/` filter: every word must appear (as --search). */
  filter: string;
  editingFilter: boolean;
  cursor: number;
  /** Enter shows the selected post's summary and link. */
  detail: boolean;
  read: ReadonlySet<string>;
  isNew: ReadonlySet<string>;
  status: string;
  refreshing: boolean;
  quit: boolean;
}

export type ReaderAction =
  | { type: 'move'; by: number }
  | { type: 'jump'; to: 'top' | 'bottom' }
  | { type: 'toggle-detail' }
  | { type: 'open' }
  | { type: 'filter-start' }
  | { type: 'filter-type'; text: string }
  | { type: 'filter-erase' }
  | { type: 'filter-done' }
  | { type: 'filter-cancel' }
  | { type: 'cycle-source' }
  | { type: 'refresh' }
  | { type: 'toggle-unread' }
  | { type: 'quit' }
  | { type: 'loaded'; posts: readonly FeedItem[]; status: string }
  | { type: 'marked-read'; key: string }
  | { type: 'status'; text: string };

export function initialReaderState(
  posts: readonly FeedItem[],
  options: { read: ReadonlySet<string>; isNew: ReadonlySet<string>; unreadOnly: boolean },
): ReaderViewState {
  return {
    posts,
    sources: sourcesOf(posts),
    sourceIndex: -1,
    unreadOnly: options.unreadOnly,
    filter: '',
    editingFilter: false,
    cursor: 0,
    detail: false,
    read: options.read,
    isNew: options.isNew,
    status: `${posts.length} posts · ? for keys`,
    refreshing: false,
    quit: false,
  };
}

function sourcesOf(posts: readonly FeedItem[]): string[] {
  return [...new Set(posts.map((post) => post.source))];
}

export function currentSource(state: ReaderViewState): string | undefined {
  return state.sourceIndex >= 0 ? state.sources[state.sourceIndex] : undefined;
}

/** The posts on the list, in order, after the source, unread and text filters. */
export function visiblePosts(state: ReaderViewState): FeedItem[] {
  const source = currentSource(state);
  return filterItems(source ? state.posts.filter((post) => post.source === source) : state.posts, {
    ...(state.filter.trim() ? { search: state.filter } : {}),
    ...(state.unreadOnly ? { exclude: (post: FeedItem) => state.read.has(postKey(post)) } : {}),
  });
}

export function selectedPost(state: ReaderViewState): FeedItem | undefined {
  return visiblePosts(state)[state.cursor];
}

function clampCursor(state: ReaderViewState): ReaderViewState {
  const count = visiblePosts(state).length;
  const cursor = Math.max(0, Math.min(state.cursor, count - 1));
  return cursor === state.cursor ? state : { ...state, cursor };
}

export function readerReducer(state: ReaderViewState, action: ReaderAction): ReaderViewState {
  switch (action.type) {
    case 'move':
      return clampCursor({ ...state, cursor: state.cursor + action.by });
    case 'jump':
      return clampCursor({ ...state, cursor: action.to === 'top' ? 0 : Number.MAX_SAFE_INTEGER });
    case 'toggle-detail':
      return { ...state, detail: !state.detail };
    case 'open':
      // The controller opens the selected post; the reducer only says so.
      return state;
    case 'filter-start':
      return { ...state, editingFilter: true };
    case 'filter-type':
      return clampCursor({ ...state, filter: state.filter + action.text, cursor: 0 });
    case 'filter-erase':
      return clampCursor({ ...state, filter: Array.from(state.filter).slice(0, -1).join('') });
    case 'filter-done':
      return { ...state, editingFilter: false };
    case 'filter-cancel':
      return clampCursor({ ...state, editingFilter: false, filter: '' });
    case 'cycle-source': {
      const next = state.sourceIndex + 1 >= state.sources.length ? -1 : state.sourceIndex + 1;
      return clampCursor({ ...state, sourceIndex: next, cursor: 0 });
    }
    case 'refresh':
      return { ...state, refreshing: true, status: 'refreshing…' };
    case 'toggle-unread':
      return clampCursor({ ...state, unreadOnly: !state.unreadOnly, cursor: 0 });
    case 'quit':
      return { ...state, quit: true };
    case 'loaded': {
      const sources = sourcesOf(action.posts);
      const source = currentSource(state);
      const sourceIndex = source ? sources.indexOf(source) : -1;
      return clampCursor({
        ...state,
        posts: action.posts,
        sources,
        sourceIndex,
        refreshing: false,
        status: action.status,
      });
    }
    case 'marked-read':
      return { ...state, read: new Set([...state.read, action.key]) };
    case 'status':
      return { ...state, status: action.text };
  }
}

/** Keys: j/k or arrows, Enter, o, /, s, r, u, g/G, q. While typing a filter, keys are text. */
export function readerKeymap(
  state: ReaderViewState,
  input: string,
  key: KeyInfo,
  pageSize = 10,
): ReaderAction | undefined {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (state.editingFilter) {
    if (key.escape) return { type: 'filter-cancel' };
    if (key.return) return { type: 'filter-done' };
    if (key.backspace || key.delete) return { type: 'filter-erase' };
    if (key.upArrow) return { type: 'move', by: -1 };
    if (key.downArrow) return { type: 'move', by: 1 };
    // Printable text only: a pasted escape sequence never reaches the filter.
    const text = Array.from(input)
      .filter((char) => char >= ' ' && char !== '\u007f')
      .join('');
    return text && !key.ctrl ? { type: 'filter-type', text } : undefined;
  }
  if (input === 'q' || key.escape) return { type: 'quit' };
  if (input === 'j' || key.downArrow) return { type: 'move', by: 1 };
  if (input === 'k' || key.upArrow) return { type: 'move', by: -1 };
  if (key.pageDown || input === ' ') return { type: 'move', by: pageSize };
  if (key.pageUp || input === 'b') return { type: 'move', by: -pageSize };
  if (input === 'g') return { type: 'jump', to: 'top' };
  if (input === 'G') return { type: 'jump', to: 'bottom' };
  if (key.return) return { type: 'toggle-detail' };
  if (input === 'o') return { type: 'open' };
  if (input === '/') return { type: 'filter-start' };
  if (input === 's') return { type: 'cycle-source' };
  if (input === 'r') return { type: 'refresh' };
  if (input === 'u') return { type: 'toggle-unread' };
  return undefined;
}
