/**
 * Narrow fixes applied before rss-parser sees a document, for mistakes that make it reject the
 * whole feed (feeds.md §3): one unparseable Atom date (RangeError), one Atom <link> without
 * attributes (TypeError), a bare `&` (strict sax). Plus the refusal of entity declarations:
 * nothing is ever expanded or fetched, and a billion-laughs document fails at once.
 */
import { parseFeedDate } from './dates.js';
import { keepNewest } from './newest.js';

/** Why a document must not be parsed at all, or undefined when it may be. */
export function refusalReason(xml: string): string | undefined {
  const head = xml.slice(0, 65_536);
  if (/<!ENTITY/i.test(head) || (/<!DOCTYPE[^>]*\[/i.test(head) && /<!ENTITY/i.test(xml))) {
    return 'the document declares XML entities, which pixel never expands';
  }
  return undefined;
}

/** Is the root element an Atom <feed>? (Skipping the prolog, comments and a doctype.) */
export function looksLikeAtom(xml: string): boolean {
  const root = /<([A-Za-z_][\w:.-]*)[\s>/]/.exec(
    xml.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''),
  );
  return root?.[1] === 'feed' || root?.[1]?.endsWith(':feed') === true;
}

/** Does it look like an HTML page rather than a feed? */
export function looksLikeHtml(text: string): boolean {
  const start = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart()
    .toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

export function repairAtom(xml: string): string {
  if (!looksLikeAtom(xml)) return xml;
  return (
    xml
      // rss-parser calls new Date(x).toISOString(), which throws on a bad non-empty date.
      .replace(
        /<(published|updated)(\s[^>]*)?>([^<]*)<\/\1>/g,
        (whole, tag: string, attributes: string | undefined, value: string) =>
          Number.isNaN(new Date(value).getTime()) ? `<${tag}${attributes ?? ''}></${tag}>` : whole,
      )
      // <link>url</link> and <link/> have no attributes; getLink reads link.$.rel and throws.
      .replace(/<link>\s*([^<]*?)\s*<\/link>/g, (_whole, href: string) =>
        href ? `<link href="${href.replace(/"/g, '&quot;')}"/>` : '',
      )
      .replace(/<link\s*\/>/g, '')
      // xml2js keeps an xhtml title's text and its child elements apart, losing their order
      // ("XHTML <b>bold</b> title" came out as "XHTML title"); as escaped html the markup
      // arrives whole and the usual HTML-to-text step reads it in order.
      .replace(
        /<(title|summary|content)(\s[^>]*?)type=(["'])xhtml\3([^>]*)>([\s\S]*?)<\/\1>/g,
        (_whole, tag: string, before: string, _quote: string, after: string, inner: string) =>
          `<${tag}${before}type="html"${after}>${escapeMarkup(inner)}</${tag}>`,
      )
  );
}

/** Turns markup into the text of an XML element: `<b>` becomes `&lt;b&gt;`. */
function escapeMarkup(markup: string): string {
  return markup.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes `&` that does not start an entity or character reference. */
export function escapeBareAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][\w.-]*);)/g, '&amp;');
}

const ITEM_BLOCK = /<(item|entry)[\s>][\s\S]*?<\/\1\s*>/g;
/** The date elements in the order normalize.ts prefers them. */
const ITEM_DATES = ['pubDate', 'published', 'updated', 'dc:date'].map(
  (tag) => new RegExp(`<${tag}(?:\\s[^>]*)?>\\s*(?:<!\\[CDATA\\[)?([^<\\]]*)`),
);

function blockTime(block: string): number | undefined {
  for (const pattern of ITEM_DATES) {
    const date = parseFeedDate(pattern.exec(block)?.[1]);
    if (date) return date.getTime();
  }
  return undefined;
}

/**
 * Keeps the newest `max` items of a feed, by date, before it is parsed: OpenAI ships its whole
 * archive since 2015 (599 items), and sax parsing it all costs more than the rest of a listing.
 * Returns the text unchanged when it has no more than `max` items or its items cannot be found
 * cleanly; the caller falls back to the full document if the trimmed one fails to parse.
 */
export function keepNewestItemsXml(xml: string, max: number): string {
  // Counting openings is cheap; most feeds are short enough to need no matching at all.
  let openings = 0;
  for (let at = xml.indexOf('<item'); at !== -1; at = xml.indexOf('<item', at + 5)) openings++;
  for (let at = xml.indexOf('<entry'); at !== -1; at = xml.indexOf('<entry', at + 6)) openings++;
  if (openings <= max) return xml;
  const blocks = [...xml.matchAll(ITEM_BLOCK)];
  if (blocks.length <= max) return xml;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last || first.index === undefined || last.index === undefined) return xml;
  const kept = keepNewest(blocks, (block) => blockTime(block[0]), max);
  const head = xml.slice(0, first.index);
  const tail = xml.slice(last.index + last[0].length);
  return head + kept.map((block) => block[0]).join('\n') + tail;
}

/**
 * Drops `<content:encoded>` (the full post, 10–20 KB each in WordPress feeds) from items that
 * also have a non-empty `<description>`: only the description is ever shown, and sax parsing
 * the full posts is most of the cost of such a feed.
 */
export function dropFullContentXml(xml: string): string {
  if (!xml.includes('<content:encoded')) return xml;
  return xml.replace(/<item[\s>][\s\S]*?<\/item\s*>/g, (block) =>
    /<description>\s*(?:<!\[CDATA\[\s*)?[^\s<\]]/.test(block)
      ? block.replace(/<content:encoded>[\s\S]*?<\/content:encoded\s*>/g, '')
      : block,
  );
}

const LONG_TEXT_ELEMENT =
  /<(description|content|summary|content:encoded)(\s[^>]*)?>([\s\S]*?)<\/\1\s*>/g;

function cutAt(text: string, max: number): string {
  let cut = text.slice(0, max);
  // Never leave half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Shortens very long post bodies before parsing (SAIL and BAIR put whole articles, 15–35 KB
 * each, into <description>; only a few hundred characters are ever shown). Script and style
 * blocks go first, so the text kept is text; escaped text is never cut inside an entity and
 * CDATA is closed again. Elements with child elements are left alone.
 */
export function capLongTextXml(xml: string, maxChars: number): string {
  return xml.replace(
    LONG_TEXT_ELEMENT,
    (whole, tag: string, attributes: string | undefined, inner: string) => {
      if (inner.length <= maxChars) return whole;
      const open = `<${tag}${attributes ?? ''}>`;
      const close = `</${tag}>`;
      const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(inner);
      if (cdata) {
        const body = (cdata[1] ?? '').replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, ' ');
        if (body.includes(']]>')) return whole;
        return `${open}<![CDATA[${cutAt(body, maxChars)}]]>${close}`;
      }
      if (inner.includes('<')) return whole;
      let body = inner.replace(/&lt;(style|script)\b[\s\S]*?&lt;\/\1\s*&gt;/gi, ' ');
      if (body.length > maxChars) {
        body = cutAt(body, maxChars);
        const amp = body.lastIndexOf('&');
        if (amp > body.lastIndexOf(';')) body = body.slice(0, amp);
      }
      return `${open}${body}${close}`;
    },
  );
}

const XML_BASE = /\sxml:base\s*=\s*(["'])([^"']*)\1/;
const HREF = /(\shref\s*=\s*)(["'])([^"']*)\2/;

function resolveAgainst(reference: string, base: string): string {
  try {
    return new URL(reference.replace(/&amp;/g, '&').trim(), base).href;
  } catch {
    return reference;
  }
}

/**
 * Atom's `xml:base` (on the feed, an entry or a link itself) says what relative links are
 * relative to; rss-parser ignores it. Rewrites each `<link href>` to an absolute address, with
 * the innermost base resolved against the outer ones and finally the document's own URL.
 */
export function resolveXmlBase(xml: string, documentUrl: string): string {
  if (!xml.includes('xml:base')) return xml;
  let feedBase = documentUrl;
  let entryBase: string | undefined;
  return xml.replace(
    /<(\/?)(feed|entry|link)\b([^>]*)>/g,
    (whole, slash: string, tag: string, attributes: string) => {
      if (slash) {
        if (tag === 'entry') entryBase = undefined;
        return whole;
      }
      const base = XML_BASE.exec(attributes)?.[2];
      if (tag === 'feed') {
        if (base) feedBase = resolveAgainst(base, documentUrl);
        return whole;
      }
      if (tag === 'entry') {
        entryBase = base ? resolveAgainst(base, feedBase) : undefined;
        return whole;
      }
      const outer = entryBase ?? feedBase;
      const own = base ? resolveAgainst(base, outer) : outer;
      return whole.replace(
        HREF,
        (_match, before: string, quote: string, href: string) =>
          `${before}${quote}${resolveAgainst(href, own).replace(/&/g, '&amp;')}${quote}`,
      );
    },
  );
}

/** Elements pixel never reads: media (images, thumbnails), podcast and Open Graph blocks. */
const UNUSED_PAIRED = /<(media:[\w-]+|itunes:[\w-]+|og|enclosure)\b[^>]*?>[\s\S]*?<\/\1\s*>/g;
const UNUSED_EMPTY = /<(?:media:[\w-]+|itunes:[\w-]+|enclosure)\b[^>]*?\/>/g;

/**
 * Removes the elements pixel never reads before the document is parsed: DeepMind's feed is
 * 40% <media:content> and <media:thumbnail>, and every byte costs the XML parser time.
 */
export function dropUnusedElementsXml(xml: string): string {
  if (!/<(media:|itunes:|og>|enclosure)/.test(xml)) return xml;
  return xml.replace(UNUSED_EMPTY, '').replace(UNUSED_PAIRED, '');
}
