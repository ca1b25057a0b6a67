/**
 * "Keep the newest N", the one implementation on the feed path: a feed is cut to its newest
 * posts by date, whatever order it lists them in (newest first, oldest first, an old post
 * pinned on top). Undated entries count as older than every dated one, so they are kept only
 * when there is room; among equals the feed's own order decides. The kept entries come back in
 * their original order.
 */
export function keepNewest<T>(
  entries: readonly T[],
  timeOf: (entry: T) => number | undefined,
  max: number,
): T[] {
  if (entries.length <= max) return [...entries];
  const ranked = entries.map((entry, index) => {
    const ms = timeOf(entry);
    return { index, ms: ms !== undefined && Number.isFinite(ms) ? ms : undefined };
  });
  ranked.sort((a, b) => {
    if (a.ms === undefined || b.ms === undefined) {
      return a.ms === undefined ? (b.ms === undefined ? a.index - b.index : 1) : -1;
    }
    return b.ms - a.ms || a.index - b.index;
  });
  const keep = new Set(ranked.slice(0, max).map((entry) => entry.index));
  return entries.filter((_entry, index) => keep.has(index));
}
