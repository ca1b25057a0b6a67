/**
 * How `pixel feed` prints. A terminal gets one line per post fitted to the width, with the
 * title as an OSC 8 hyperlink where the terminal supports it; a pipe gets stable tab-separated
 * lines (date, source, title, link) that `cut` and `grep` can use; --json/--ndjson get data.
 * Everything printed was sanitised when the feed was normalised; links are re-checked here
 * because they go inside an escape sequence.
 */
import type { ChalkInstance } from 'chalk';
import { ageInWords, shortAge } from '../core/dates.js';
import type { FeedItem } from '../core/item.js';
import { sanitizeText } from '../../shared/core/sanitize.js';
import { padToWidth, textWidth, truncateToWidth } from '../../shared/core/text-width.js';
import { wrapText } from '../../shared/core/wrap-text.js';
import type { ResolvedSource } from '../core/source.js';

/** Fits text into exactly `width` columns: cut with an ellipsis, or padded with spaces. */
const fitAndPad = (text: string, width: number) => padToWidth(truncateToWidth(text, width), width);

/** What the listing knows about a post beyond the post itself. */
export interface PostMarks {
  isNew(item: FeedItem): boolean;
  isRead(item: FeedItem): boolean;
  /** From the snapshot shipped with pixel, not from the publisher or the cache. */
  fromSnapshot(item: FeedItem): boolean;
}

export const NO_MARKS: PostMarks = {
  isNew: () => false,
  isRead: () => false,
  fromSnapshot: () => false,
};

/**
 * The documented JSON shape of one post: the normalised post, plus `new` (first listed by
 * this run), `read` and `snapshot` (shown from the snapshot shipped with pixel).
 */
export function itemToJson(item: FeedItem, marks: PostMarks = NO_MARKS) {
  return {
    id: item.id,
    source: item.source,
    title: item.title,
    link: item.link,
    published: item.published,
    summary: item.summary,
    categories: item.categories,
    authors: item.authors,
    topics: item.topics,
    new: marks.isNew(item),
    read: marks.isRead(item),
    snapshot: marks.fromSnapshot(item),
  };
}

export function formatJson(items: readonly FeedItem[], marks: PostMarks = NO_MARKS): string {
  return `${JSON.stringify(
    items.map((item) => itemToJson(item, marks)),
    null,
    2,
  )}\n`;
}

export function formatNdjson(items: readonly FeedItem[], marks: PostMarks = NO_MARKS): string {
  return items.map((item) => `${JSON.stringify(itemToJson(item, marks))}\n`).join('');
}

const column = (text: string) => (text.includes('\t') ? text.replace(/\t/g, ' ') : text);

/**
 * Piped output: `date<TAB>source<TAB>title<TAB>link`, one post per line, no colour; --long adds
 * `<TAB>authors<TAB>summary`. Line N is the post `pixel feed read N` and `open N` mean.
 */
export function formatPlain(items: readonly FeedItem[], long = false): string {
  let text = '';
  for (const item of items) {
    const date = item.published ? item.published.slice(0, 10) : '-';
    const extra = long ? `\t${column(item.authors.join(', '))}\t${column(item.summary)}` : '';
    text += `${date}\t${item.source}\t${column(item.title)}\t${item.link ?? '-'}${extra}\n`;
  }
  return text;
}

/**
 * Whether the terminal understands OSC 8 hyperlinks (the supports-hyperlinks conventions).
 * Terminals that do not are not harmed by them in theory, but some print the URL as garbage,
 * so only known ones get them. FORCE_HYPERLINK=1/0 overrides.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_HYPERLINK;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (!isTTY || env.TERM === 'dumb' || env.CI) return false;
  if (env.WT_SESSION || env.KONSOLE_VERSION || env.DOMTERM) return true;
  if (env.TERM === 'xterm-kitty' || env.TERM === 'xterm-ghostty') return true;
  const program = env.TERM_PROGRAM ?? '';
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper', 'tabby'].includes(program))
    return true;
  const vte = Number.parseInt(env.VTE_VERSION ?? '', 10);
  return Number.isFinite(vte) && vte >= 5000;
}

/** Only a clean http(s) URL goes inside the escape sequence; anything else prints as text. */
const LINKABLE = /^https?:\/\/[\u0021-\u007e]+$/;

export function hyperlink(text: string, url: string): string {
  if (!LINKABLE.test(url)) return text;
  return `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;
}

export interface TerminalFormatOptions {
  now: Date;
  columns: number;
  chalk: ChalkInstance;
  hyperlinks: boolean;
  /** Show each post's authors, summary and full link below it. */
  long: boolean;
  sourceNames: ReadonlyMap<string, string>;
  marks?: PostMarks;
  /** The number of the first post (posts are numbered for `pixel feed read N`). */
  firstNumber?: number;
}

/** The mark column: ● new since the last listing, ◌ from the shipped snapshot. */
export function markOf(item: FeedItem, marks: PostMarks): '●' | '◌' | ' ' {
  if (marks.fromSnapshot(item)) return '◌';
  return marks.isNew(item) ? '●' : ' ';
}

export function formatTerminal(items: readonly FeedItem[], options: TerminalFormatOptions): string {
  const { chalk, now } = options;
  const marks = options.marks ?? NO_MARKS;
  const first = options.firstNumber ?? 1;
  const numberWidth = String(first + items.length - 1).length;
  const ages = items.map((item) =>
    item.published ? shortAge(new Date(item.published), now) : '?',
  );
  const ageWidth = Math.max(3, ...ages.map((age) => age.length));
  const names = items.map((item) =>
    sanitizeText(options.sourceNames.get(item.source) ?? item.source, { singleLine: true }),
  );
  const nameWidth = Math.min(20, Math.max(6, ...names.map(textWidth)));
  const lead = numberWidth + 1 + ageWidth + 2 + nameWidth + 2 + 2;
  return items
    .map((item, index) => {
      const number = String(first + index).padStart(numberWidth);
      const age = (ages[index] ?? '?').padStart(ageWidth);
      const name = fitAndPad(names[index] ?? item.source, nameWidth);
      const topics = item.topics.length > 0 ? ` [${item.topics.join(', ')}]` : '';
      const titleWidth = Math.max(10, options.columns - lead - textWidth(topics) - 1);
      const title = truncateToWidth(item.title, titleWidth);
      const linked = options.hyperlinks && item.link ? hyperlink(title, item.link) : title;
      const mark = markOf(item, marks);
      const markText = mark === '●' ? chalk.green(mark) : chalk.dim(mark);
      const shownTitle = marks.isRead(item) ? chalk.dim(linked) : linked;
      let line = `${chalk.dim(number)} ${chalk.dim(age)}  ${chalk.cyan(name)}  ${markText} ${shownTitle}${chalk.dim(topics)}\n`;
      if (options.long) {
        const indent = ' '.repeat(numberWidth + 1 + ageWidth + 2);
        const width = Math.max(20, options.columns - indent.length);
        const details = [
          item.authors.length > 0 ? `by ${item.authors.join(', ')}` : '',
          item.categories.length > 0 ? item.categories.join(', ') : '',
        ].filter(Boolean);
        if (details.length > 0) {
          line += `${indent}${chalk.dim(truncateToWidth(details.join(' · '), width))}\n`;
        }
        for (const row of item.summary ? wrapText(item.summary, width) : []) {
          line += `${indent}${row}\n`;
        }
        line += `${indent}${chalk.dim(item.link ?? '(no link)')}\n`;
      }
      return line;
    })
    .join('');
}

/** What the cache knows about a source, for `pixel feed sources`. */
export interface SourceStatus {
  checkedAt: string;
  posts: number;
  movedTo: string | null;
}

export function sourceToJson(source: ResolvedSource, status?: SourceStatus) {
  return {
    id: source.id,
    name: source.name,
    url: source.url,
    home: source.home ?? null,
    tags: source.tags,
    provenance: source.provenance,
    enabled: source.enabled,
    origin: source.origin,
    note: source.note ?? null,
    /** null when the source has never been fetched. */
    cache: status ?? null,
  };
}

/** Names, notes and URLs can come from a user's file: printed only once sanitised. */
function cleanSource(source: ResolvedSource): ResolvedSource {
  const clean = (text: string) => sanitizeText(text, { singleLine: true });
  return {
    ...source,
    name: clean(source.name),
    url: clean(source.url),
    tags: source.tags.map(clean),
    ...(source.note !== undefined ? { note: clean(source.note) } : {}),
  };
}

export function formatSources(
  unsafeSources: readonly ResolvedSource[],
  options: {
    chalk: ChalkInstance;
    columns: number;
    tty: boolean;
    statuses?: ReadonlyMap<string, SourceStatus>;
    now?: Date;
  },
): string {
  const { chalk } = options;
  const sources = unsafeSources.map(cleanSource);
  if (!options.tty) {
    // Stable, tab-separated: id, on/off, provenance, name, url, tags.
    return sources
      .map(
        (source) =>
          `${source.id}\t${source.enabled ? 'on' : 'off'}\t${source.provenance}\t${source.name}\t${source.url}\t${source.tags.join(',')}\n`,
      )
      .join('');
  }
  const idWidth = Math.max(...sources.map((source) => source.id.length), 2);
  const nameWidth = Math.min(28, Math.max(...sources.map((source) => textWidth(source.name)), 4));
  return sources
    .map((source) => {
      const mark = source.enabled ? chalk.green('●') : chalk.dim('○');
      const label = source.provenance === 'community' ? chalk.yellow(' community') : '';
      const user = source.origin === 'user' ? chalk.magenta(' yours') : '';
      const tags = source.tags.length > 0 ? chalk.dim(` [${source.tags.join(', ')}]`) : '';
      const head = `${mark} ${source.id.padEnd(idWidth)}  ${fitAndPad(source.name, nameWidth)}${label}${user}${tags}`;
      const url = `    ${' '.repeat(idWidth)}${chalk.dim(truncateToWidth(source.url, Math.max(20, options.columns - idWidth - 4)))}`;
      const width = Math.max(20, options.columns - idWidth - 4);
      const indent = `\n    ${' '.repeat(idWidth)}`;
      const note = source.note ? `${indent}${chalk.dim(truncateToWidth(source.note, width))}` : '';
      const status = options.statuses?.get(source.id);
      const checked =
        status && options.now
          ? `${indent}${chalk.dim(`${status.posts} posts cached, checked ${ageInWords(new Date(status.checkedAt), options.now)}`)}`
          : '';
      const moved = status?.movedTo
        ? `${indent}${chalk.yellow(truncateToWidth(`moved permanently to ${sanitizeText(status.movedTo, { singleLine: true })}`, width))}`
        : '';
      return `${head}\n${url}${note}${checked}${moved}\n`;
    })
    .join('');
}
