/**
 * package.json's runtime dependencies are exactly the packages dist/ loads at run time: what the
 * build bundles (commander, zod, chalk, rss-parser) is a devDependency, so an install does not
 * fetch it twice; what it leaves outside (ink, react, esbuild) must be installed with pixel.
 * Read from the metafile the build writes beside the bundle (npm test builds first), plus the
 * ES modules src/ loads through importModule (src/import-module.ts), which no bundler can see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-pixel.js';

interface Metafile {
  outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

const builtins = new Set(builtinModules);
const isPackage = (path: string) =>
  !path.startsWith('.') && !path.startsWith('node:') && !builtins.has(path);
/** `ink` for `ink`, `@scope/name` for `@scope/name/sub/path`. */
const packageName = (path: string) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');

describe('runtime dependencies', () => {
  it('are the packages the built program loads, and nothing else', () => {
    const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'meta.json'), 'utf8')) as Metafile;
    const loaded = new Set(
      Object.values(meta.outputs)
        .flatMap((output) => output.imports)
        .filter((entry) => entry.external && isPackage(entry.path))
        .map((entry) => packageName(entry.path)),
    );
    const sources = readdirSync(join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(REPO_ROOT, 'src', file), 'utf8'));
    for (const source of sources) {
      for (const [, specifier] of source.matchAll(/importModule\('([^']+)'\)/g)) {
        if (isPackage(specifier!)) loaded.add(packageName(specifier!));
      }
    }
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect([...loaded].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });
});
