import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/io/parse-feed.js';

const encode = (text: string) => new TextEncoder().encode(text);
const parse = async (xml: string) =>
  (
    await parseFeed({
      bytes: encode(xml),
      sourceId: 'lab',
      feedUrl: 'https://lab.test/feed.xml',
      now: new Date('2026-11-27T00:00:00Z'),
    })
  ).items;

describe('feed shapes beyond the real fixtures', () => {
  it('reads an Atom xhtml title in order, resolves relative links and keeps Atom categories', async () => {
    const [item] = await parse(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lab</title><id>urn:x</id><updated>2026-11-21T00:00:00Z</updated>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">XHTML <b>bold</b> title</div></title>
<id>urn:1</id><link href="/posts/1"/><updated>2026-11-21T00:00:00Z</updated>
<summary type="html">&lt;p&gt;Sum &lt;script&gt;evil()&lt;/script&gt;mary&lt;/p&gt;</summary><category term="ml"/></entry></feed>`);
    expect(item).toMatchObject({
      title: 'XHTML bold title',
      link: 'https://lab.test/posts/1',
      summary: 'Sum mary',
      categories: ['ml'],
    });
  });

  it('reads RSS 1.0 (RDF) with dc:date', async () => {
    const [item] = await parse(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://lab.test/"><title>Lab</title><link>https://lab.test/</link><description>d</description></channel>
<item rdf:about="https://lab.test/a"><title>RDF post &amp; more</title><link>https://lab.test/a</link>
<dc:date>2026-11-20T10:00:00Z</dc:date><description>Hello &lt;b&gt;world&lt;/b&gt;</description></item></rdf:RDF>`);
    expect(item).toMatchObject({
      title: 'RDF post & more',
      link: 'https://lab.test/a',
      published: '2026-11-20T10:00:00.000Z',
      summary: 'Hello world',
    });
  });
});
