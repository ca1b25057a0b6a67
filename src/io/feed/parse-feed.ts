/**
 * Bytes → normalised items: decode the charset, refuse entity declarations, repair the few
 * mistakes that make rss-parser reject a whole document, parse, normalise. rss-parser is
 * imported lazily so that no other command (and no warm-cache listing) pays for loading it.
 */
import { detectCharset, isWindows1252, repairWindows1252 } from '../../core/feed/charset.js';
import { FeedFailure } from '../../core/feed/failure.js';
import type { FeedItem } from '../../core/feed/item.js';
import { keepNewest } from '../../core/feed/newest.js';
import { htmlToText, truncateText } from '../../core/feed/html-text.js';
import { MAX_ITEMS_PER_SOURCE } from '../../core/feed/limits.js';
import { normalizeItems, rawItemTime, textOf } from '../../core/feed/normalize.js';
import {
  capLongTextXml,
  dropFullContentXml,
  escapeBareAmpersands,
  keepNewestItemsXml,
  looksLikeHtml,
  refusalReason,
  repairAtom,
  resolveXmlBase,
} from '../../core/feed/repair-xml.js';

/** Raw characters of a post body worth parsing: far more than the summary's 400 shown. */
const MAX_TEXT_TO_PARSE = 4_000;

interface RssParser {
  parseString(xml: string): Promise<{ items?: unknown[]; title?: unknown }>;
}

let parserPromise: Promise<RssParser> | undefined;

/** A small synthetic RSS document with the usual shapes (CDATA, entities, attributes). */
function warmUpDocument(): Uint8Array {
  const items = Array.from(
    { length: 40 },
    (_, n) =>
      `<item><title><![CDATA[Warm-up post ${n} &amp; friends]]></title><link>https://warm.up/${n}</link>` +
      `<guid isPermaLink="false">warm-${n}</guid><pubDate>Tue, 10 Nov 2026 04:00:00 GMT</pubDate>` +
      `<category domain="d">AI</category><description>&lt;p&gt;Some &lt;b&gt;text&lt;/b&gt; &amp;amp; ` +
      `${'words and more words '.repeat(12)}&lt;/p&gt;</description></item>`,
  ).join('');
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>w</title>${items}</channel></rss>`,
  );
}

let warming: Promise<void> | undefined;

/**
 * Loads rss-parser and runs it on a small synthetic feed a few times while the requests are in
 * flight, so the feeds that arrive are parsed by compiled code rather than the interpreter (a
 * cold parse of the real feeds is about twice as slow). Each round yields to the event loop and
 * warming stops as soon as `stop()` says a response is here, so it never delays real work by
 * more than one small round.
 */
export function warmUpParser(stop: () => boolean): void {
  warming ??= (async () => {
    await loadParser();
    const bytes = warmUpDocument();
    for (let round = 0; round < 4 && !stop(); round++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stop()) break;
      await parseFeed({ bytes, sourceId: 'warm-up', feedUrl: 'https://warm.up/feed' });
    }
  })().catch(() => undefined);
}

function loadParser(): Promise<RssParser> {
  parserPromise ??= import('rss-parser').then((module) => {
    const Parser = (module.default ?? module) as unknown as new (options: object) => RssParser;
    // Atom <category term> is dropped by rss-parser; keep the raw elements to read terms.
    return new Parser({
      // <rss> without a version attribute is still RSS 2.0 in practice.
      defaultRSS: 2,
      // The raw <guid> elements keep isPermaLink, which rss-parser's own guid field drops.
      customFields: {
        item: [
          ['category', 'atomCategories', { keepArray: true }],
          ['guid', 'guidElements', { keepArray: true }],
        ],
      },
    });
  });
  return parserPromise;
}

export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const label = detectCharset(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // An unknown label: UTF-8 is the XML default and the likeliest truth.
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
  return isWindows1252(label) ? repairWindows1252(text) : text;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 160) ?? 'unknown error';
}

async function parseText(xml: string): Promise<{ items?: unknown[]; title?: unknown }> {
  const parser = await loadParser();
  try {
    return await parser.parseString(xml);
  } catch (error) {
    // One retry for the commonest breakage: a bare `&` in a title or URL.
    if (/entity name|Invalid character entity/i.test(describe(error))) {
      return parser.parseString(escapeBareAmpersands(xml));
    }
    throw error;
  }
}

export interface ParseFeedInput {
  bytes: Uint8Array;
  contentType?: string | null;
  sourceId: string;
  feedUrl: string;
  now?: Date;
}

export interface ParsedFeed {
  /** The newest MAX_ITEMS_PER_SOURCE posts, normalised, in the feed's order. */
  items: FeedItem[];
  /** How many posts the document listed. */
  total: number;
  /** The feed's own title, as plain text. */
  title: string;
}

function countItems(xml: string): number {
  return (xml.match(/<(item|entry)[\s>]/g) ?? []).length;
}

export async function parseFeed(input: ParseFeedInput): Promise<ParsedFeed> {
  const text = decodeBody(input.bytes, input.contentType);
  // Judged by the body, not the Content-Type: some servers send real feeds as text/html.
  if (looksLikeHtml(text)) {
    throw new FeedFailure('not-a-feed', 'not a feed: the address returned a web page');
  }
  const refusal = refusalReason(text);
  if (refusal) throw new FeedFailure('parse-error', `refused to parse: ${refusal}`);
  // Loaded outside the try: a broken install is pixel's problem, not the feed's.
  await loadParser();
  let parsed: { items?: unknown[]; title?: unknown };
  try {
    const repaired = resolveXmlBase(repairAtom(text), input.feedUrl);
    const trimmed = capLongTextXml(
      dropFullContentXml(keepNewestItemsXml(repaired, MAX_ITEMS_PER_SOURCE)),
      MAX_TEXT_TO_PARSE,
    );
    parsed =
      trimmed === repaired
        ? await parseText(repaired)
        : // Trimming is an optimisation: if it broke the document, parse the whole of it.
          await parseText(trimmed).catch(() => parseText(repaired));
  } catch (error) {
    const message = describe(error);
    if (/not recognized as RSS/i.test(message)) {
      throw new FeedFailure('not-a-feed', 'not a feed: the document is not RSS or Atom', {
        cause: error,
      });
    }
    throw new FeedFailure('parse-error', `could not parse the feed: ${message}`, {
      cause: error,
    });
  }
  const raw = Array.isArray(parsed.items) ? parsed.items : [];
  const items = normalizeItems({
    sourceId: input.sourceId,
    feedUrl: input.feedUrl,
    // Already cut in the XML unless that failed and the whole document was parsed.
    items: keepNewest(raw, rawItemTime, MAX_ITEMS_PER_SOURCE),
    ...(input.now ? { now: input.now } : {}),
  });
  return {
    items,
    total: Math.max(raw.length, countItems(text)),
    title: truncateText(htmlToText(textOf(parsed.title)), 80),
  };
}
