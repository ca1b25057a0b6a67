/**
 * Subfield topics (computer vision, NLP, RL, ...) for each post, from a deterministic
 * classifier declared as data in feeds/topics.json: terms and weights per topic, matched as
 * whole words (with an optional plural s; hyphens and spaces alike) in the title, the
 * categories and the summary. A topic
 * applies when its score reaches the threshold; a title or category mention counts more than a
 * summary one. The same post always gets the same topics, on every machine.
 */
import definitions from '../../../feeds/topics.json' with { type: 'json' };
import { UsageError } from '../../errors.js';
import { quoted } from '../../shared/core/sanitize.js';
import { suggestClosest } from '../../shared/core/suggest.js';
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

declare const __PIXEL_TOPICS_VERSION__: string | undefined;

/**
 * Changes whenever the definitions do: cached posts tagged by another version are re-tagged.
 * The build works it out once (scripts/topics-version.ts); run from source, it is hashed here.
 */
export const TOPICS_VERSION =
  typeof __PIXEL_TOPICS_VERSION__ === 'string'
    ? __PIXEL_TOPICS_VERSION__
    : stableHash(JSON.stringify(definitions));

/** Words are runs of letters and digits; everything else (spaces, hyphens, dots) separates. */
const WORD = /[\p{L}\p{N}]+/gu;
/** The same words in ASCII text, which most posts are: a plain class is several times faster. */
const ASCII_WORD = /[a-z0-9]+/g;
const NOT_ASCII = /[\u0080-\uffff]/;

function wordsOf(text: string): string[] {
  // One pass that yields the words, rather than a split that leaves empty strings to filter.
  const lower = text.toLowerCase();
  return lower.match(NOT_ASCII.test(lower) ? WORD : ASCII_WORD) ?? [];
}

interface Matcher {
  /** A term's words joined by one space → [topic index, weight] for each topic listing it. */
  phrases: Map<string, [number, number][]>;
  /**
   * Every spelling that names a term → the term: the term itself, then with a plural es,
   * then with a plural s on its last word (in that order of precedence).
   */
  forms: Map<string, string>;
  /** First word of a term of several words → the most words any such term has. */
  openers: Map<string, number>;
}

let matcher: Matcher | undefined;

function buildMatcher(): Matcher {
  const phrases = new Map<string, [number, number][]>();
  const openers = new Map<string, number>();
  data.topics.forEach((topic, index) => {
    for (const [term, weight] of Object.entries(topic.terms)) {
      const words = wordsOf(term);
      const first = words[0] ?? '';
      if (words.length > 1) openers.set(first, Math.max(openers.get(first) ?? 0, words.length));
      const key = words.join(' ');
      const list = phrases.get(key) ?? [];
      list.push([index, weight]);
      phrases.set(key, list);
    }
  });
  const forms = new Map<string, string>();
  for (const suffix of ['', 'es', 's']) {
    for (const term of phrases.keys()) {
      if (!forms.has(term + suffix)) forms.set(term + suffix, term);
    }
  }
  return { phrases, forms, openers };
}

/**
 * The terms a text mentions, read left to right, the longest term at each place winning
 * ("large language model" is one term, not also "language model").
 */
function termsIn(text: string, found: Set<string>, { forms, openers }: Matcher): void {
  if (!text) return;
  const words = wordsOf(text);
  for (let at = 0; at < words.length;) {
    let matched = 0;
    // Only a word that starts a longer term is tried with the words after it.
    const longest = Math.min(openers.get(words[at] ?? '') ?? 1, words.length - at);
    for (let size = longest; size >= 1 && !matched; size--) {
      const term = forms.get(size === 1 ? (words[at] ?? '') : words.slice(at, at + size).join(' '));
      if (term !== undefined) {
        found.add(term);
        matched = size;
      }
    }
    at += matched || 1;
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
      for (const [topic, weight] of matcher.phrases.get(term) ?? []) {
        scores[topic] = (scores[topic] ?? 0) + weight * fieldWeight;
      }
    }
  }
  const passing: { score: number; index: number }[] = [];
  scores.forEach((score, index) => {
    if (score >= data.threshold) passing.push({ score, index });
  });
  // Most posts reach no topic or one: nothing to sort.
  if (passing.length > 1) passing.sort((a, b) => b.score - a.score || a.index - b.index);
  return passing
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
