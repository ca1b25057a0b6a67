/**
 * The one fuzzy matcher: what the user typed against known names (commands, lessons, feed
 * sources), so every "did you mean …?" in pixel ranks candidates the same way.
 */

/** Optimal string alignment distance: Levenshtein plus the swap of two neighbours. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (the swap looks two rows back) instead of a whole matrix.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** How far a name is from a query (both lower-case): prefixes and substrings count as close. */
function closeness(query: string, name: string): number {
  if (name.startsWith(query) || query.startsWith(name)) return 0.5;
  if (name.includes(query)) return 1;
  return editDistance(query, name);
}

/**
 * The farthest a name may be and still be suggested: it grows with the query's length, so
 * `lern` finds `learn` while `q` does not match everything.
 */
function threshold(query: string): number {
  return query.length <= 2 ? 1 : Math.max(2, Math.floor(query.length / 3));
}

/**
 * Items whose closest name is near `query`, best first (ties keep the items' order), at most
 * `limit`. An item may have several names (a lesson's id and aliases).
 */
export function rankByCloseness<T>(
  query: string,
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
  limit = 3,
): T[] {
  const needle = query.toLowerCase();
  if (needle.length === 0) return [];
  const most = threshold(needle);
  return items
    .map((item) => ({
      item,
      score: Math.min(...namesOf(item).map((name) => closeness(needle, name.toLowerCase()))),
    }))
    .filter(({ score }) => score <= most)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ item }) => item);
}

/** The candidates closest to `input`, best first. */
export function closestMatches(input: string, candidates: readonly string[], limit = 3): string[] {
  return rankByCloseness(input, [...new Set(candidates)], (candidate) => [candidate], limit);
}

/** "did you mean learn? " or "" — ready to put in front of the rest of a hint. */
export function suggestClosest(input: string, candidates: readonly string[]): string {
  const matches = closestMatches(input, candidates);
  return matches.length > 0 ? `did you mean ${matches.join(' or ')}? ` : '';
}
