/**
 * Turns feed HTML (titles, descriptions) into one line of plain text: the contents of
 * <script>/<style>/<head> and comments go entirely (BAIR and SAIL put CSS and TeX there), tags
 * become spaces, entities are decoded, white space collapses. Regex stripping is enough here
 * because the result is only ever shown as text, never rendered as HTML.
 */
import { sanitizeText } from '../sanitize.js';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  micro: 'µ',
  para: '¶',
  sect: '§',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  szlig: 'ß',
  ccedil: 'ç',
  ntilde: 'ñ',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  zwj: '',
  zwnj: '',
  shy: '',
};

export function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi,
    (whole, body: string) => {
      if (body[0] === '#') {
        const code =
          body[1] === 'x' || body[1] === 'X'
            ? Number.parseInt(body.slice(2), 16)
            : Number.parseInt(body.slice(1), 10);
        // Lone surrogates and out-of-range values would make invalid strings.
        if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          return '';
        }
        return String.fromCodePoint(code);
      }
      const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
      return named ?? whole;
    },
  );
}

const DROP_WITH_CONTENT =
  /<(script|style|head|noscript|template|svg|math|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** Plain single-line text from HTML, with every control and escape sequence removed. */
export function htmlToText(html: string): string {
  // Most titles and categories are plain text: skip the markup passes for them.
  if (!html.includes('<')) {
    return sanitizeText(html.includes('&') ? decodeEntities(html) : html, { singleLine: true });
  }
  const withoutBlocks = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(DROP_WITH_CONTENT, ' ')
    // An unclosed <script>/<style> hides everything after it, as a browser would.
    .replace(/<(script|style)\b[\s\S]*$/i, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/<![^>]*>/g, ' ');
  return sanitizeText(decodeEntities(withoutBlocks), { singleLine: true });
}

/** Shortens text to at most `max` characters, at a word boundary when one is near, with `…`. */
export function truncateText(text: string, max: number): string {
  // UTF-16 length is at least the number of characters: short text needs no splitting.
  if (text.length <= max) return text;
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  const cut = characters.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const trimmed = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${trimmed.replace(/[\s,.;:–—-]+$/, '')}…`;
}
