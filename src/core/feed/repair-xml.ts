/**
 * Narrow fixes applied before rss-parser sees a document, for mistakes that make it reject the
 * whole feed (feeds.md §3): one unparseable Atom date (RangeError), one Atom <link> without
 * attributes (TypeError), a bare `&` (strict sax). Plus the refusal of entity declarations:
 * nothing is ever expanded or fetched, and a billion-laughs document fails at once.
 */

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
  );
}

/** Escapes `&` that does not start an entity or character reference. */
export function escapeBareAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][\w.-]*);)/g, '&amp;');
}
