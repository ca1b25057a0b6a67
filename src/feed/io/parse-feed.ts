/**
 * Bytes → normalised items: decode the charset, refuse entity declarations, repair the few
 * mistakes that make rss-parser reject a whole document, parse, normalise. rss-parser is
 * imported lazily so that no other command (and no warm-cache listing) pays for loading it.
 */
import { detectCharset, isWindows1252, repairWindows1252 } from '../core/charset.js';
import { FeedFailure } from '../core/failure.js';
import type { FeedItem } from '../core/item.js';
import { keepNewest } from '../core/newest.js';
import { htmlToText, truncateText } from '../core/html-text.js';
import { MAX_ITEMS_PER_SOURCE } from '../core/limits.js';
import { normalizeItems, rawItemTime, textOf } from '../core/normalize.js';
import {
  capLongTextXml,
  dropFullContentXml,
  dropUnusedElementsXml,
  escapeBareAmpersands,
  keepNewestItemsXml,
  looksLikeHtml,
  refusalReason,
  repairAtom,
  resolveXmlBase,
} from '../core/repair-xml.js';

/** Raw characters of a post body worth parsing: far more than the summary's 400 shown. */
const MAX_TEXT_TO_PARSE = 2_000;

interface RssParser {
  parseString(xml: string): Promise<{ items?: unknown[]; title?: unknown }>;
}

let parserPromise: Promise<RssParser> | undefined;

/**
 * Small synthetic documents with the shapes real feeds have (RSS with CDATA, entities, HTML
 * descriptions, categories and authors; Atom with html titles and summaries), so that warming
 * up runs the same code paths a real refresh does: the XML parser and pixel's normaliser,
 * topic classifier included. Every step before the parser gets its real work too: an archive
 * longer than the posts kept (cut to the newest by date), whole articles in `<description>`
 * (escaped, with a style block) and in CDATA `<content:encoded>` (cut or dropped), media
 * elements (dropped). A step first met on a real feed runs unoptimised, its regular
 * expressions interpreted: on the twelve real feeds these steps took 42 ms of CPU after the
 * answers came, 24 ms once warmed up like this (docs/architecture.md, "The feed's speed").
 */
export function warmUpDocuments(): Uint8Array[] {
  const words = 'models learn language, vision and robot control from data at scale '.repeat(4);
  const html =
    `&lt;p&gt;&lt;img src="https://warm.up/a.png" alt="" /&gt;Some &lt;strong&gt;text&lt;/strong&gt; ` +
    `&amp;amp; &lt;a href="https://warm.up/x?a=1&amp;amp;b=2"&gt;a link&lt;/a&gt;&amp;#8217;s ` +
    `${words}&amp;nbsp;&amp;mdash; &lt;em&gt;more&lt;/em&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;${words}&lt;/li&gt;&lt;/ul&gt;`;
  const rss = Array.from(
    { length: 40 },
    (_, n) =>
      `<item><title><![CDATA[Warm-up post ${n} & friends on safety]]></title><link>https://warm.up/${n}</link>` +
      `<guid isPermaLink="false">warm-${n}</guid><pubDate>Tue, 10 Nov 2026 04:00:00 GMT</pubDate>` +
      `<dc:creator><![CDATA[Ada Lovelace]]></dc:creator><category domain="d">Research</category><category>AI</category>` +
      `<media:content url="https://warm.up/${n}.jpg" medium="image" width="1200" height="600"/>` +
      `<description>${html}</description></item>`,
  );
  // Whole articles, as SAIL, BAIR and WordPress feeds ship them: longer than what is parsed.
  const article = `&lt;style&gt;p { margin: 0 }&lt;/style&gt;${html.repeat(6)}`;
  const articles = Array.from(
    { length: 6 },
    (_, n) =>
      `<item><title>Warm-up article ${n}</title><link>/articles/${n}/</link><guid>/articles/${n}/</guid>` +
      `<pubDate>Wed, 0${n + 1} Oct 2025 10:00:00 CEST</pubDate><description>${article}</description>` +
      `<content:encoded><![CDATA[<p>${words.repeat(12)}</p>]]></content:encoded></item>`,
  );
  // An archive of more posts than are kept, in no particular order of date.
  const archive = Array.from(
    { length: MAX_ITEMS_PER_SOURCE + 20 },
    (_, n) =>
      `<item><title>Archived post ${n}</title><link>https://warm.up/archive/${n}</link>` +
      `<pubDate>${new Date(Date.UTC(2020, 0, 1) + ((n * 7919) % 997) * 86_400_000).toUTCString()}</pubDate></item>`,
  );
  const atom = Array.from(
    { length: 30 },
    (_, n) =>
      `<entry><title type="html">Warm-up &lt;em&gt;entry&lt;/em&gt; ${n}</title><id>urn:warm:${n}</id>` +
      `<link rel="alternate" type="text/html" href="/entries/${n}"/><published>2026-11-10T04:00:00Z</published>` +
      `<updated>2026-11-10T04:00:00Z</updated><author><name>Grace Hopper</name></author><category term="vision"/>` +
      `<summary type="html">${html}</summary></entry>`,
  );
  // The same posts written the ways publishers write XML, so that every state of the XML
  // parser a real feed reaches has run before one arrives: a newline and a comment outside the
  // root, single-quoted and spaced attributes, whitespace before `>` and `/>`, entities and
  // character references in text and attributes, elements with both attributes and text,
  // empty elements, numeric time zones, typographic punctuation (non-ASCII text takes other
  // paths in the sanitiser and the classifier). A state first met on a real feed sends V8
  // back to recompile the parser's one large function while the feed waits: traced, that cost
  // the first real refresh ~40 ms over a second one.
  const indent = '\n\t  ';
  const varied = Array.from({ length: 40 }, (_, n) => {
    const day = String((n % 28) + 1).padStart(2, '0');
    const description = [
      '<description/>',
      '<description></description>',
      `<description type = 'text' >How the lab&#8217;s models learn ${words.slice(0, 60 + n)} &amp; more</description>`,
      `<description><![CDATA[<p>How the lab’s “models”\nlearn [1]</p>\n<p>${words.slice(0, 40 + n)} [a]]]></description>`,
    ][n % 4];
    return (
      `<item >${indent}<title type="text">“Warm-up” note ${n} — the lab’s robots, vision &amp; language</title>${indent}` +
      `<link>https://warm.up/news/${n}?from=feed&amp;n=${n}</link>${indent}${description}${indent}` +
      `<guid isPermaLink='${n % 2 === 0}' >https://warm.up/news/${n}</guid>${indent}` +
      `<category domain="https://warm.up/c/é?a=1&amp;b=2">Announcements</category>${indent}` +
      `<dc:creator>Ada &#x4C;ovelace</dc:creator>${indent}` +
      `<pubDate>${n % 2 ? `Fri, ${day} Aug 2026 0${n % 10}:00:00 +0000` : `2026-08-${day}T10:00:00-07:00`}</pubDate>` +
      `${indent}<media:thumbnail url="https://warm.up/${n}.png" title="“${n}”" width="1" />${indent}` +
      `<!-- ${n} — end -->\n    </item\n>`
    );
  });
  const encoder = new TextEncoder();
  const rssDocument = (items: readonly string[]) =>
    encoder.encode(
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>w</title>${items.join('\n')}</channel></rss>`,
    );
  const variedDocument = (items: readonly string[]) =>
    encoder.encode(
      `<?xml version='1.0' encoding='UTF-8'?>\n<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>\n<!-- generated -->\n<rss version="2.0"\n\txmlns:dc="http://purl.org/dc/elements/1.1/"\n\txmlns:media="http://search.yahoo.com/mrss/" >\n  <channel>\n    <title>w</title>\n    ${items.join('\n    ')}\n  </channel>\n</rss>\n`,
    );
  const atomDocument = (entries: readonly string[]) =>
    encoder.encode(
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>w</title><id>urn:w</id><updated>2026-11-10T04:00:00Z</updated>${entries.join('\n')}</feed>`,
    );
  // Small documents, in turn: a round that is under way when the first answer arrives delays
  // it, so each round is kept to a few milliseconds.
  const documents: Uint8Array[] = [];
  for (let part = 0; part < 5; part++) {
    documents.push(rssDocument(rss.slice(part * 8, part * 8 + 8)));
    documents.push(variedDocument(varied.slice(part * 8, part * 8 + 8)));
    documents.push(atomDocument(atom.slice(part * 6, part * 6 + 6)));
    if (part < 3) documents.push(rssDocument(articles.slice(part * 2, part * 2 + 2)));
    if (part === 2) documents.push(rssDocument(archive));
  }
  return documents;
}

let warming: Promise<void> | undefined;

const WARM_UP_CONTENT_TYPES = ['application/rss+xml; charset=utf-8', 'text/xml', undefined];

/** More rounds than any wait needs; each one is a few milliseconds. */
const MAX_WARM_UP_ROUNDS = 200;

/**
 * Loads rss-parser and runs it on small synthetic feeds while the requests are in flight, so
 * the feeds that arrive are parsed by compiled code rather than the interpreter (a cold parse
 * of the real feeds is about three times as slow as a warm one). It keeps going for as long as
 * the network is idle: each round yields to the event loop and warming stops as soon as
 * `stop()` says a response is here, so it never delays real work by more than one round.
 */
export function warmUpParser(stop: () => boolean): void {
  warming ??= (async () => {
    await loadParser();
    const documents = warmUpDocuments();
    for (let round = 0; round < MAX_WARM_UP_ROUNDS && !stop(); round++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stop()) break;
      await parseFeed({
        bytes: documents[round % documents.length] as Uint8Array,
        // Answers come with a charset in their Content-Type, or without one.
        contentType: WARM_UP_CONTENT_TYPES[round % WARM_UP_CONTENT_TYPES.length],
        sourceId: 'warm-up',
        feedUrl: 'https://warm.up/feed',
      });
    }
  })().catch(() => undefined);
}

function loadParser(): Promise<RssParser> {
  parserPromise ??= Promise.all([import('rss-parser'), import('rss-parser/lib/utils.js')]).then(
    ([module, utilsModule]) => {
      // rss-parser builds a tag-stripped `contentSnippet` of every post's body, which pixel never
      // reads (it makes its own summary): a sixth of a refresh's parsing, measured. Its helper is
      // one shared object, so replacing the function turns that work off.
      const utils = utilsModule.default ?? utilsModule;
      utils.getSnippet = () => '';
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
    },
  );
  return parserPromise;
}

export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const label = detectCharset(bytes, contentType);
  // Nearly every feed is UTF-8, which Buffer decodes several times faster than TextDecoder.
  if (label === 'utf-8' || label === 'utf8') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  }
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
      dropUnusedElementsXml(dropFullContentXml(keepNewestItemsXml(repaired, MAX_ITEMS_PER_SOURCE))),
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
