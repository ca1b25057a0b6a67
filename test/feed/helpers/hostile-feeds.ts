/** Hand-made hostile and quirky feed documents for the loopback server. */

export function rss(items: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>http://example.test/</link>${extra}
${items}
</channel></rss>
`;
}

export function item(title: string, link: string, date: string, description = ''): string {
  return `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><pubDate>${date}</pubDate><description>${description}</description></item>`;
}

/** Titles and summaries carrying terminal escape sequences and controls. */
export const ESCAPES_FEED = rss(
  item(
    'Pwned\u001b]0;evil title\u0007 \u001b[31mred\u001b[0m \u001b]8;;http://evil.test/\u001b\\click\u001b]8;;\u001b\\ back\bspace',
    'https://escapes.test/post-1',
    'Mon, 09 Nov 2026 10:00:00 GMT',
    '&lt;p&gt;Summary \u001b[2J with clear-screen&lt;/p&gt;',
  ),
);

/** javascript:, data: and relative links. */
export const LINKS_FEED = rss(
  [
    item('Script link', 'javascript:alert(1)', 'Mon, 09 Nov 2026 09:00:00 GMT'),
    item('Relative link', '/posts/relative-one', 'Mon, 09 Nov 2026 08:00:00 GMT'),
    item('Data link', 'data:text/html,hi', 'Mon, 09 Nov 2026 07:00:00 GMT'),
  ].join('\n'),
);

/** One Atom entry with an unparseable date, one with an attribute-less <link>. */
export const ATOM_BAD_DATE_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom with a bad date</title>
  <id>urn:test:atom</id>
  <updated>2026-11-08T00:00:00Z</updated>
  <entry>
    <title>Entry with a good date</title>
    <id>urn:test:good</id>
    <link rel="alternate" href="https://atom.test/good"/>
    <published>2026-11-08T12:00:00Z</published>
    <category term="research"/>
    <summary>Fine.</summary>
  </entry>
  <entry>
    <title>Entry with a bad date</title>
    <id>urn:test:bad</id>
    <link>https://atom.test/bad</link>
    <published>not a date</published>
    <summary>Still listed, without a date, last.</summary>
  </entry>
</feed>
`;

/** café “quoted” in windows-1252, declared in the Content-Type header. */
export function cp1252Feed(): Buffer {
  const text = rss(
    item(
      'Caf\u00e9 \u201cquoted\u201d na\u00efve',
      'https://cp1252.test/cafe',
      'Sun, 08 Nov 2026 10:00:00 GMT',
    ),
  ).replace('encoding="UTF-8"', 'encoding="windows-1252"');
  const map: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94 };
  return Buffer.from(Array.from(text, (ch) => map[ch] ?? ch.charCodeAt(0)));
}

export const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>Just a moment...</title></head><body><p>Checking your browser</p></body></html>
`;

export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9; &xxe;</title><link>https://laughs.test/1</link></item>
</channel></rss>
`;
