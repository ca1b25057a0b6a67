/**
 * OPML 2.0 in and out, for moving subscriptions between readers. Reading is a small tolerant
 * scan of <outline> elements (OPML files in the wild are often not well-formed); writing is
 * strict and escapes every attribute.
 */
import { decodeEntities } from './html-text.js';
import { sanitizeText } from '../../shared/core/sanitize.js';

export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl?: string;
  /** From the `category` attribute and the folders (parent outlines) it sits in. */
  tags: string[];
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = match[1];
    if (name) {
      const value = decodeEntities(match[2] ?? match[3] ?? '');
      attributes.set(name.toLowerCase(), sanitizeText(value, { singleLine: true }));
    }
  }
  return attributes;
}

function tagify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
}

export function parseOpml(text: string): OpmlFeed[] {
  if (!/<opml[\s>]/i.test(text)) throw new Error('not an OPML document (no <opml> element)');
  const feeds: OpmlFeed[] = [];
  const folders: (string | undefined)[] = [];
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(/<(\/?)outline\b([^>]*?)(\/?)>/gi)) {
    const [, closing, body = '', selfClosing] = match;
    if (closing) {
      folders.pop();
      continue;
    }
    const attributes = attributesOf(body);
    const xmlUrl = attributes.get('xmlurl');
    const title = attributes.get('title') || attributes.get('text') || '';
    if (xmlUrl) {
      const tags = [
        ...folders.filter((folder): folder is string => Boolean(folder)),
        ...(attributes.get('category') ?? '').split(/[,/]/).map(tagify),
      ].filter(Boolean);
      const htmlUrl = attributes.get('htmlurl');
      feeds.push({
        title: title || xmlUrl,
        xmlUrl,
        ...(htmlUrl ? { htmlUrl } : {}),
        tags: [...new Set(tags)],
      });
    }
    if (!selfClosing) folders.push(xmlUrl ? undefined : tagify(title) || undefined);
  }
  return feeds;
}

function escapeAttribute(text: string): string {
  // Control characters are invalid in XML 1.0 and would reach the terminal of `export`.
  return sanitizeText(text, { singleLine: true })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;');
}

export function emitOpml(
  feeds: readonly OpmlFeed[],
  options: { title: string; created: Date },
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeAttribute(options.title)}</title>`,
    `    <dateCreated>${options.created.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...feeds.map((feed) => {
      const attributes = [
        `type="rss"`,
        `text="${escapeAttribute(feed.title)}"`,
        `title="${escapeAttribute(feed.title)}"`,
        `xmlUrl="${escapeAttribute(feed.xmlUrl)}"`,
        ...(feed.htmlUrl ? [`htmlUrl="${escapeAttribute(feed.htmlUrl)}"`] : []),
        ...(feed.tags.length > 0 ? [`category="${escapeAttribute(feed.tags.join(','))}"`] : []),
      ];
      return `    <outline ${attributes.join(' ')}/>`;
    }),
    '  </body>',
    '</opml>',
    '',
  ];
  return lines.join('\n');
}
