/**
 * Which character set a feed body is in: the BOM wins, then the Content-Type header, then the
 * XML declaration, else UTF-8 (the XML default). rss-parser only knows Node's few Buffer
 * encodings, so a windows-1252 feed comes out as mojibake unless decoded first.
 */
export function detectCharset(bytes: Uint8Array, contentType: string | null | undefined): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  let head = '';
  for (let index = 0; index < Math.min(bytes.length, 512); index++) {
    head += String.fromCharCode(bytes[index] ?? 0);
  }
  const fromDeclaration = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  return fromDeclaration ? fromDeclaration.toLowerCase() : 'utf-8';
}

/** The labels the WHATWG Encoding standard maps to windows-1252. */
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'latin1',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
]);

export function isWindows1252(label: string): boolean {
  return WINDOWS_1252_LABELS.has(label.toLowerCase());
}

// 0x80–0x9F in windows-1252 (undefined bytes keep their C1 code point and are stripped later).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder decodes windows-1252 as ISO-8859-1, turning curly quotes, dashes and
 * the euro sign (bytes 0x80–0x9F) into invisible C1 controls; this maps them as browsers do.
 */
export function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch);
}
