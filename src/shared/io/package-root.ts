import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder pixel is installed in (where package.json, lessons/, problems/ and feeds/ live).
 * Found by walking up from this module, because the bundle puts code in dist/ and dist/chunks/
 * while tests run it straight from src/shared/io/.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
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
