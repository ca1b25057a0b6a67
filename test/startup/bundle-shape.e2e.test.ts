/**
 * The start-up tricks of README "Start-up", each held by a check that fails if the build or the
 * shim regresses: `--version` is answered by bin/pixel.js alone; every other start loads one
 * CommonJS file of pixel's (node's ES module loader never starts); libraries a command does not
 * need (rss-parser, ink, react, esbuild, child_process for commander) stay unloaded.
 * Checked through node's own lists: require.cache for files, process.moduleLoadList for its
 * internal modules.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, PIXEL_BIN, REPO_ROOT } from '../helpers/run-pixel.js';

let temp: { dir: string; cleanup: () => Promise<void> };
let hook: string;

beforeAll(async () => {
  temp = await makeTempDir('pixel-startup-');
  hook = join(temp.dir, 'record-loads.cjs');
  await writeFile(
    hook,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADS_OUT, " +
      'JSON.stringify({ files: Object.keys(require.cache), internal: process.moduleLoadList })));\n',
  );
});

afterAll(async () => {
  await temp?.cleanup();
});

interface Loads {
  /** Files of pixel's package that were loaded, relative to it. */
  files: string[];
  internal: string[];
}

async function loadsOf(args: string[]): Promise<Loads> {
  const out = join(temp.dir, `loads-${args.join('-') || 'bare'}.json`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', hook, PIXEL_BIN, ...args], {
      cwd: temp.dir,
      env: {
        PATH: process.env.PATH,
        HOME: temp.dir,
        PIXEL_HOME: join(temp.dir, 'home'),
        LOADS_OUT: out,
      },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
  const { files, internal } = JSON.parse(await readFile(out, 'utf8')) as {
    files: string[];
    internal: string[];
  };
  return {
    files: files
      .filter((file) => file.startsWith(REPO_ROOT))
      .map((file) => relative(REPO_ROOT, file)),
    internal,
  };
}

const ESM_LOADER = 'NativeModule internal/modules/esm/loader';

describe('what a start loads', () => {
  it('answers --version and -V from the shim alone', async () => {
    for (const flag of ['--version', '-V']) {
      const loads = await loadsOf([flag]);
      expect(loads.files).toEqual(['bin/pixel.js']);
      expect(loads.internal).not.toContain(ESM_LOADER);
    }
  });

  it.each([
    [['--help']],
    [[]],
    [['learn', 'mlops']],
    [['learn']],
    [['progress']],
    [['help', 'feed']],
  ])(
    'runs %j from one CommonJS file, without the ES module loader or unneeded libraries',
    async (args) => {
      const loads = await loadsOf(args);
      expect(loads.files).toEqual(['bin/pixel.js', 'dist/main.js']);
      expect(loads.internal).not.toContain(ESM_LOADER);
      // commander requires child_process when it loads; the build gives it a lazy one.
      expect(loads.internal).not.toContain('NativeModule child_process');
    },
  );
});
