/** Edit distance (Damerau–Levenshtein, optimal string alignment) between two short strings. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates closest to `input`, best first: those within a distance that scales with the
 * length (so `lern` finds `learn` but `x` does not match everything), plus prefix matches.
 */
export function closestMatches(input: string, candidates: readonly string[], limit = 3): string[] {
  const needle = input.toLowerCase();
  const scored = candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const distance =
        lower.startsWith(needle) || needle.startsWith(lower) ? 0.5 : editDistance(needle, lower);
      return { candidate, distance };
    })
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(needle.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return [...new Set(scored.map(({ candidate }) => candidate))].slice(0, limit);
}

/** "did you mean learn? " or "" — ready to put in front of the rest of a hint. */
export function suggestClosest(input: string, candidates: readonly string[]): string {
  const matches = closestMatches(input, candidates);
  return matches.length > 0 ? `did you mean ${matches.join(' or ')}? ` : '';
}
