/** FNV-1a, 53 bits: a stable id for items that have no guid and no link. */
export function stableHash(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x2c1b3c6d;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    high = Math.imul(high ^ code, 0x01000193) >>> 0;
    low = Math.imul(low ^ code, 0x5bd1e995) >>> 0;
  }
  return `${(high & 0x1fffff).toString(16).padStart(6, '0')}${low.toString(16).padStart(8, '0')}`;
}
