/**
 * Terminal column width of text, so titles fit the line: East Asian wide characters and emoji
 * take two columns, combining marks none. Approximate (no grapheme clustering) but never
 * under-counts the common cases enough to wrap a line.
 */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function isZeroWidth(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0x20e3
  );
}

function widthOf(code: number): number {
  return isZeroWidth(code) ? 0 : isWide(code) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += widthOf(character.codePointAt(0) ?? 0);
  return width;
}

/** Cuts text to at most `columns` columns, ending with `…` when anything was cut. */
export function fitToWidth(text: string, columns: number): string {
  if (columns <= 0) return '';
  if (displayWidth(text) <= columns) return text;
  let width = 0;
  let result = '';
  for (const character of text) {
    const next = widthOf(character.codePointAt(0) ?? 0);
    if (width + next > columns - 1) break;
    width += next;
    result += character;
  }
  return `${result.trimEnd()}…`;
}

export function padToWidth(text: string, columns: number): string {
  const fitted = fitToWidth(text, columns);
  return fitted + ' '.repeat(Math.max(0, columns - displayWidth(fitted)));
}
