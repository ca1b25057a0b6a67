import { editDistance } from './topic-match.js';

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
