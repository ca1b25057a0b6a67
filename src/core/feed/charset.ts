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
