/**
 * Finding a lesson from what the learner typed: an exact, case-insensitive match on the id or
 * an alias, else the closest names by edit distance, so `pixel learn gradient-decent` can say
 * "did you mean gradient-descent?".
 */

export interface Topic {
  id: string;
  aliases: readonly string[];
}

export type TopicMatch<T extends Topic> =
  { found: true; topic: T } | { found: false; suggestions: T[] };

function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

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

/** How far a name is from a query; prefixes and substrings count as close. */
function closeness(query: string, name: string): number {
  if (name.startsWith(query) || query.startsWith(name)) return 0.5;
  if (name.includes(query)) return 1;
  return editDistance(query, name);
}

/**
 * Matches `query` against ids and aliases. Without an exact match, suggests up to `limit`
 * topics whose best name is within a distance that grows with the query's length.
 */
export function matchTopic<T extends Topic>(
  query: string,
  topics: readonly T[],
  limit = 3,
): TopicMatch<T> {
  const wanted = normalise(query);
  const exact = topics.find(
    (topic) => topic.id === wanted || topic.aliases.some((alias) => normalise(alias) === wanted),
  );
  if (exact) return { found: true, topic: exact };
  const threshold = Math.max(2, Math.floor(wanted.length / 3));
  const scored = topics
    .map((topic) => ({
      topic,
      score: Math.min(...[topic.id, ...topic.aliases].map((name) => closeness(wanted, name))),
    }))
    .filter(({ score }) => wanted.length > 0 && score <= threshold)
    .sort((x, y) => x.score - y.score);
  return { found: false, suggestions: scored.slice(0, limit).map(({ topic }) => topic) };
}
