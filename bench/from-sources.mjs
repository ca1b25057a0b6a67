// Runs a small script written against pixel's sources (src/, TypeScript) and returns what it
// printed, parsed as JSON: the benches take the judge's cases from the same generators the judge
// uses, so they never keep a copy of the data. esbuild bundles the script; packages stay imports.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * `source` is the script's text; it lives in `work` (a folder of the checkout, one level below
 * its root), so it imports sources as '../src/...'. `name` names its files there.
 */
export async function runFromSources(work, name, source, args = []) {
  const entry = join(work, `${name}-entry.ts`);
  const bundle = join(work, `${name}.mjs`);
  await writeFile(entry, source);
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const ran = spawnSync(process.execPath, [bundle, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (ran.status !== 0) throw new Error(`${name}: ${ran.stderr}`);
  return JSON.parse(ran.stdout);
}
