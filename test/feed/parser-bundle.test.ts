/**
 * src/feed/io/parse-feed.ts turns off rss-parser's `contentSnippet` (a fifth of a refresh's
 * parsing) by changing its helper module, `rss-parser/lib/utils.js`. That works only if the
 * helpers pixel changes are the ones the parser calls: the build must take both from the one
 * vendor file. A second copy bundled into dist/main.js went unnoticed once, so this reads the
 * metafile the build writes beside the bundle (npm test builds first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-pixel.js';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

function inputsOf(meta: Metafile, outputEnding: string): string[] {
  const entry = Object.entries(meta.outputs).find(([name]) => name.endsWith(outputEnding));
  if (!entry) throw new Error(`no ${outputEnding} in dist/meta.json`);
  return Object.keys(entry[1].inputs);
}

describe('the built feed parser', () => {
  it('has one copy of rss-parser and its helpers, in dist/vendor', () => {
    const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'meta.json'), 'utf8')) as Metafile;
    const main = inputsOf(meta, '/main.js');
    expect(main.filter((input) => input.includes('node_modules/rss-parser/'))).toEqual([]);
    const vendor = inputsOf(meta, '/vendor/rss-parser.cjs');
    expect(vendor).toContain('node_modules/rss-parser/lib/utils.js');
    expect(vendor).toContain('node_modules/rss-parser/lib/parser.js');
  });
});
