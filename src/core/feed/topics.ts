/**
 * Subfield topics (computer vision, NLP, RL, ...) for each post, from a deterministic
 * classifier declared as data in feeds/topics.json: terms and weights per topic, matched as
 * whole words (with an optional plural s) in the title, the categories and the summary. A topic
 * applies when its score reaches the threshold; a title or category mention counts more than a
 * summary one. The same post always gets the same topics, on every machine.
 */
import definitions from '../../../feeds/topics.json' with { type: 'json' };
import { UsageError } from '../../errors.js';
import { quoted } from '../sanitize.js';
import { suggestClosest } from '../suggest.js';
import { stableHash } from './hash.js';

export interface Topic {
  id: string;
  name: string;
  aliases: readonly string[];
}

interface TopicsFile {
  threshold: number;
  maxTopics: number;
  fieldWeights: { title: number; categories: number; summary: number };
  topics: (Topic & { terms: Record<string, number> })[];
}

// JSON module types give each topic its own term keys; the file's shape is this one.
const data = definitions as unknown as TopicsFile;

export const TOPICS: readonly Topic[] = data.topics.map(({ id, name, aliases }) => ({
  id,
  name,
  aliases,
}));

/** Changes whenever the definitions do: cached posts tagged by another version are re-tagged. */
export const TOPICS_VERSION = stableHash(JSON.stringify(definitions));

interface Matcher {
  pattern: RegExp;
  /** term → [topic index, weight] for every topic that lists it. */
  weights: Map<string, [number, number][]>;
}

let matcher: Matcher | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for every term of every topic, longest first so phrases beat their words. */
function buildMatcher(): Matcher {
  const weights = new Map<string, [number, number][]>();
  data.topics.forEach((topic, index) => {
    for (const [term, weight] of Object.entries(topic.terms)) {
      const key = term.toLowerCase();
      const list = weights.get(key) ?? [];
      list.push([index, weight]);
      weights.set(key, list);
    }
  });
  const terms = [...weights.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  // Letters, digits and joiners inside words: `rl` must not match inside `world`.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return { pattern, weights };
}

function termsIn(text: string, found: Set<string>, { pattern, weights }: Matcher): void {
  if (!text) return;
  for (const match of text.toLowerCase().matchAll(pattern)) {
    const word = match[0];
    if (weights.has(word)) found.add(word);
    else if (word.endsWith('es') && weights.has(word.slice(0, -2))) found.add(word.slice(0, -2));
    else if (word.endsWith('s') && weights.has(word.slice(0, -1))) found.add(word.slice(0, -1));
  }
}

export interface Classifiable {
  title: string;
  summary: string;
  categories: readonly string[];
}

/** The topic ids of one post, highest score first, at most `maxTopics`. */
export function classify(post: Classifiable): string[] {
  matcher ??= buildMatcher();
  const scores = new Array<number>(data.topics.length).fill(0);
  const fields: [string, number][] = [
    [post.title, data.fieldWeights.title],
    [post.categories.join(' · '), data.fieldWeights.categories],
    [post.summary, data.fieldWeights.summary],
  ];
  for (const [text, fieldWeight] of fields) {
    const found = new Set<string>();
    termsIn(text, found, matcher);
    for (const term of found) {
      for (const [topic, weight] of matcher.weights.get(term) ?? []) {
        scores[topic] = (scores[topic] ?? 0) + weight * fieldWeight;
      }
    }
  }
  return scores
    .map((score, index) => ({ score, index }))
    .filter(({ score }) => score >= data.threshold)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, data.maxTopics)
    .map(({ index }) => data.topics[index]?.id ?? '')
    .filter(Boolean);
}

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/&/g, 'and');
}

/** `cv`, `Computer vision`, `computer-vision`, `vision` → the topic; undefined if none. */
export function findTopic(text: string): Topic | undefined {
  const wanted = fold(text);
  return TOPICS.find(
    (topic) =>
      topic.id === wanted ||
      fold(topic.name) === wanted ||
      topic.aliases.some((alias) => fold(alias) === wanted),
  );
}

/** Every spelling findTopic accepts, for "did you mean". */
export function topicNames(): string[] {
  return TOPICS.flatMap((topic) => [topic.id, fold(topic.name), ...topic.aliases]);
}

/** `--topic cv --topic "language models"` → topic ids; an unknown one is a usage error. */
export function resolveTopics(words: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const word of words.flatMap((entry) => entry.split(',')).map((entry) => entry.trim())) {
    if (!word) continue;
    const topic = findTopic(word);
    if (topic) {
      ids.add(topic.id);
      continue;
    }
    throw new UsageError(`unknown topic ${quoted(word)}`, {
      hint: `${suggestClosest(fold(word), topicNames())}topics: ${TOPICS.map((entry) => `${entry.id} (${entry.name})`).join(', ')}`,
    });
  }
  return ids;
}
