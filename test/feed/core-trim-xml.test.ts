import { describe, expect, it } from 'vitest';
import {
  capLongTextXml,
  dropUnusedElementsXml,
  dropFullContentXml,
  keepNewestItemsXml,
} from '../../src/feed/core/repair-xml.js';

const feed = (items: string[]) =>
  `<rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`;
const item = (n: number, date: string) =>
  `<item><title>${n}</title><pubDate>${date}</pubDate></item>`;

describe('keepNewestItemsXml', () => {
  it('keeps the first items of a newest-first feed', () => {
    const xml = feed([1, 2, 3, 4].map((n) => item(n, `2026-0${5 - n}-01`)));
    expect(keepNewestItemsXml(xml, 2)).toBe(
      `<rss version="2.0"><channel><title>t</title>${item(1, '2026-04-01')}\n${item(2, '2026-03-01')}</channel></rss>`,
    );
  });

  it('keeps the last items of an oldest-first feed', () => {
    const xml = feed([1, 2, 3, 4].map((n) => item(n, `2026-0${n}-01`)));
    expect(keepNewestItemsXml(xml, 2)).toContain(
      `${item(3, '2026-03-01')}\n${item(4, '2026-04-01')}`,
    );
    expect(keepNewestItemsXml(xml, 2)).not.toContain('<title>1</title>');
  });

  it('leaves short feeds alone', () => {
    const xml = feed([item(1, '2026-01-01')]);
    expect(keepNewestItemsXml(xml, 2)).toBe(xml);
  });
});

describe('dropFullContentXml', () => {
  it('drops content:encoded only where a description exists', () => {
    const withDescription =
      '<item><description>Short</description><content:encoded><![CDATA[<p>long</p>]]></content:encoded></item>';
    const without =
      '<item><description></description><content:encoded><![CDATA[<p>only body</p>]]></content:encoded></item>';
    expect(dropFullContentXml(withDescription)).toBe(
      '<item><description>Short</description></item>',
    );
    expect(dropFullContentXml(without)).toBe(without);
  });
});

describe('capLongTextXml', () => {
  it('cuts long escaped text outside entities, after dropping script and style', () => {
    const body = `&lt;style&gt;${'x'.repeat(50)}&lt;/style&gt;${'a'.repeat(25)}&amp;${'b'.repeat(30)}`;
    const capped = capLongTextXml(`<description>${body}</description>`, 28);
    expect(capped).toBe(`<description> ${'a'.repeat(25)}</description>`);
  });

  it('cuts CDATA and closes it again', () => {
    const capped = capLongTextXml(
      `<content type="html"><![CDATA[<script>x</script>${'c'.repeat(40)}]]></content>`,
      10,
    );
    expect(capped).toBe(`<content type="html"><![CDATA[ ${'c'.repeat(9)}]]></content>`);
  });

  it('leaves elements with child elements, and short text, alone', () => {
    const mixed = `<description><div>${'d'.repeat(40)}</div></description>`;
    expect(capLongTextXml(mixed, 10)).toBe(mixed);
    expect(capLongTextXml('<summary>short</summary>', 10)).toBe('<summary>short</summary>');
  });
});

describe('dropUnusedElementsXml', () => {
  it('removes media, podcast and Open Graph elements and keeps everything pixel reads', () => {
    const xml =
      '<item><title>T</title><media:content url="a.jpg" medium="image"><media:description>d</media:description></media:content>' +
      '<media:thumbnail url="b.jpg"/><og><title>x</title></og><enclosure url="c.mp3" length="1"/>' +
      '<itunes:duration>10</itunes:duration><description>Body</description></item>';
    expect(dropUnusedElementsXml(xml)).toBe(
      '<item><title>T</title><description>Body</description></item>',
    );
    expect(dropUnusedElementsXml('<item><title>plain</title></item>')).toBe(
      '<item><title>plain</title></item>',
    );
  });
});
