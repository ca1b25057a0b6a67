import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The folder pixel is installed in (where package.json, lessons/, problems/ and feeds/ live).
 * Found by walking up from this module's folder, because the bundle is in dist/ while tests run
 * it straight from src/shared/io/.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let folder = import.meta.dirname;
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'pixel-ml') return (cached = folder);
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find the pixel package folder');
    folder = parent;
  }
}
