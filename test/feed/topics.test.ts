/**
 * The topic classifier: declared as data (feeds/topics.json), deterministic, found by id,
 * name or alias, and measured against hand labels of every post pixel keeps from the twelve
 * real feeds (test/fixtures/feeds/topic-labels.tsv). The precision and recall per topic are
 * printed with the test output; the floors below only catch a regression.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, findTopic, resolveTopics, TOPICS } from '../../src/feed/core/topics.js';
import type { FeedItem } from '../../src/feed/core/item.js';
import { parseFeed } from '../../src/feed/io/parse-feed.js';
import { REAL } from './helpers/feed-env.js';

const LABELS = join(REAL, '..', 'topic-labels.tsv');

/** The posts pixel keeps from the fixtures, a post two fixtures share counted once. */
async function fixturePosts(): Promise<FeedItem[]> {
  const posts: FeedItem[] = [];
  const seen = new Set<string>();
  for (const name of readdirSync(REAL)
    .filter((file) => file.endsWith('.xml'))
    .sort()) {
    const { items } = await parseFeed({
      bytes: readFileSync(join(REAL, name)),
      sourceId: name.replace(/\.xml$/, ''),
      feedUrl: 'https://lab.example/feed.xml',
    });
    for (const item of items) {
      const key = item.title.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      posts.push(item);
    }
  }
  return posts;
}

function readLabels(): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const line of readFileSync(LABELS, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [source, title, topics = ''] = line.split('\t');
    labels.set(`${source}\t${title}`, topics.split(',').filter(Boolean));
  }
  return labels;
}

const percent = (value: number) =>
  Number.isNaN(value) ? '   -' : `${(value * 100).toFixed(0)}%`.padStart(4);

describe('topics against hand labels of the real fixtures', () => {
  it('labels every post, with known topics only', async () => {
    const posts = await fixturePosts();
    const labels = readLabels();
    const ids = new Set(TOPICS.map((topic) => topic.id));
    expect(posts.length).toBeGreaterThan(500);
    for (const post of posts) {
      expect(labels.has(`${post.source}\t${post.title}`), post.title).toBe(true);
    }
    expect(labels.size).toBe(posts.length);
    for (const topics of labels.values()) for (const topic of topics) expect(ids).toContain(topic);
  });

  it('reports precision and recall per topic', async () => {
    const posts = await fixturePosts();
    const labels = readLabels();
    const rows: string[] = [];
    let tpAll = 0;
    let fpAll = 0;
    let fnAll = 0;
    for (const topic of TOPICS) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const post of posts) {
        const wanted = (labels.get(`${post.source}\t${post.title}`) ?? []).includes(topic.id);
        const given = post.topics.includes(topic.id);
        if (wanted && given) tp++;
        else if (given) fp++;
        else if (wanted) fn++;
      }
      tpAll += tp;
      fpAll += fp;
      fnAll += fn;
      rows.push(
        `${topic.id.padEnd(11)} ${percent(tp / (tp + fp))} ${percent(tp / (tp + fn))}   ${String(tp + fn).padStart(3)} labelled, ${tp} found, ${fp} wrong`,
      );
    }
    const precision = tpAll / (tpAll + fpAll);
    const recall = tpAll / (tpAll + fnAll);
    console.log(
      [
        `topic classifier on ${posts.length} hand-labelled posts of the 12 real feeds`,
        'topic       prec  rec',
        ...rows,
        `${'all'.padEnd(11)} ${percent(precision)} ${percent(recall)}`,
      ].join('\n'),
    );
    expect(precision).toBeGreaterThan(0.7);
    expect(recall).toBeGreaterThan(0.6);
  });
});

describe('the classifier', () => {
  it('matches whole words only, and plurals', () => {
    expect(classify({ title: 'A world of words', summary: '', categories: [] })).toEqual([]);
    expect(classify({ title: 'Robots that grasp', summary: '', categories: [] })).toEqual([
      'robotics',
    ]);
    // Equal scores keep the order of feeds/topics.json.
    expect(classify({ title: 'Scaling RL for LLMs', summary: '', categories: [] })).toEqual([
      'nlp',
      'rl',
    ]);
  });

  it('weighs the title over the summary, and needs more than one weak word', () => {
    expect(classify({ title: 'Notes', summary: 'one image', categories: [] })).toEqual([]);
    expect(
      classify({ title: 'Notes', summary: 'object detection and segmentation', categories: [] }),
    ).toEqual(['cv']);
  });

  it('is found by id, name or alias, and suggests the closest for a typo', () => {
    expect(findTopic('cv')?.id).toBe('cv');
    expect(findTopic('Computer vision')?.id).toBe('cv');
    expect(findTopic('NLP and language models')?.id).toBe('nlp');
    expect(findTopic('llm')?.id).toBe('nlp');
    expect([...resolveTopics(['cv,robotics', 'Safety and alignment'])]).toEqual([
      'cv',
      'robotics',
      'safety',
    ]);
    expect(() => resolveTopics(['visoin'])).toThrow(/unknown topic 'visoin'/);
    try {
      resolveTopics(['sciense']);
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/^did you mean science\b.*topics: cv/);
    }
  });
});
