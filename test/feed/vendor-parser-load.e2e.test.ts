/**
 * Loading the parser (dist/vendor/rss-parser.cjs, on every refresh) must not build the
 * `entities` decoder rss-parser's helpers require for getSnippet, which pixel replaces: its
 * 2,000-name pattern, tables and sort cost ~35M instructions per refresh. The decoder is still
 * there, built on the first call. Checked by counting the giant patterns made, in a child node.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-pixel.js';

const script = `
let giant = 0;
const Native = RegExp;
globalThis.RegExp = new Proxy(Native, {
  construct(target, args) {
    if (String(args[0]).length > 10000) giant++;
    return Reflect.construct(target, args);
  },
});
const vendor = require(${JSON.stringify(join(REPO_ROOT, 'dist', 'vendor', 'rss-parser.cjs'))});
const afterLoad = giant;
const snippet = vendor.utils.getSnippet('<b>Tom &amp; Jerry</b>');
console.log(JSON.stringify({ afterLoad, afterCall: giant, snippet }));
`;

describe('the vendored parser', () => {
  it('builds the entity decoder on first use, not as it loads', () => {
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ afterLoad: 0, afterCall: 1, snippet: 'Tom & Jerry' });
  });
});
