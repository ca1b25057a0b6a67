/**
 * Finding a lesson from what the learner typed: an exact, case-insensitive match on the id or
 * an alias, else the closest names (shared/core/suggest.ts), so a typo in `pixel learn <topic>` or
 * `pixel solve <problem>` gets a "did you mean …?".
 */
import { rankByCloseness } from './suggest.js';

export interface Topic {
  id: string;
  aliases: readonly string[];
}

export type TopicMatch<T extends Topic> =
  { found: true; topic: T } | { found: false; suggestions: T[] };

/** `Mean Squared Error` and `mean_squared_error` read as `mean-squared-error`. */
function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Matches `query` against ids and aliases; without an exact match, up to `limit` suggestions. */
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
  const names = (topic: T) => [topic.id, ...topic.aliases];
  return { found: false, suggestions: rankByCloseness(wanted, topics, names, limit) };
}
