/**
 * Turns feed HTML (titles, descriptions) into one line of plain text: the contents of
 * <script>/<style>/<head> and comments go entirely (BAIR and SAIL put CSS and TeX there), block
 * tags become spaces, inline tags vanish (so "like <a>this</a>." stays "like this."), entities
 * are decoded, white space collapses. Only real HTML element names count as tags: a title such
 * as "x<y and y>z" is text, not markup. Regex stripping is enough here because the result is
 * only ever shown as text, never rendered as HTML.
 */
import { decodeHTML } from 'entities/decode';
import { sanitizeText } from '../../shared/core/sanitize.js';

/**
 * Every named and numeric HTML entity, by the WHATWG table (the `entities` package, which
 * rss-parser uses too). The one entity decoder in pixel.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/** Elements that separate words: replaced by a space. */
const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote body br caption center dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html img input ' +
    'legend li link main menu meta nav ol p param picture pre section source summary table tbody ' +
    'td tfoot th thead title tr track ul video audio canvas embed area map button select option ' +
    'textarea label wbr col colgroup frame frameset base'
  ).split(' '),
);

/** Elements inside a run of text: removed without a space ("<b>bold</b>er" is "bolder"). */
const INLINE_ELEMENTS = new Set(
  (
    'a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q rp rt ' +
    'ruby s samp small span strike strong sub sup time tt u var'
  ).split(' '),
);

const DROP_WITH_CONTENT =
  /<(script|style|head|noscript|template|svg|math|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

function replaceTag(whole: string, _slash: string, rawName: string): string {
  const name = rawName.toLowerCase();
  if (BLOCK_ELEMENTS.has(name)) return ' ';
  // Custom elements (<my-widget>) always have a dash; a word like <y> is text.
  if (INLINE_ELEMENTS.has(name) || name.includes('-')) return '';
  return whole;
}

/** Plain single-line text from HTML, with every control and escape sequence removed. */
export function htmlToText(html: string): string {
  // Most titles and categories are plain text: skip the markup passes for them.
  if (!html.includes('<')) return sanitizeText(decodeEntities(html), { singleLine: true });
  const withoutMarkup = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(DROP_WITH_CONTENT, ' ')
    // An unclosed <script>/<style> hides everything after it, as a browser would.
    .replace(/<(script|style)\b[\s\S]*$/i, ' ')
    .replace(TAG, replaceTag)
    .replace(/<![a-z][^>]*>/gi, ' ');
  return sanitizeText(decodeEntities(withoutMarkup), { singleLine: true });
}

/** A high surrogate followed by a low one: one character in two UTF-16 units. */
function isPairAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** Shortens text to at most `max` characters, at a word boundary when one is near, with `…`. */
export function truncateText(text: string, max: number): string {
  // UTF-16 length is at least the number of characters: short text needs no splitting.
  if (text.length <= max) return text;
  // Where the first `max - 1` characters end, counting a surrogate pair as one character, and
  // whether there are more than `max` in all: without splitting a whole summary into an array.
  let end = 0;
  let count = 0;
  while (end < text.length && count < max - 1) {
    end += isPairAt(text, end) ? 2 : 1;
    count++;
  }
  let rest = 0;
  for (let at = end; at < text.length && rest <= 1; rest++) at += isPairAt(text, at) ? 2 : 1;
  if (count + rest <= max) return text;
  const cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  const trimmed = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${trimmed.replace(/[\s,.;:–—-]+$/, '')}…`;
}
