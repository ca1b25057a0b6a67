/**
 * The start-up tricks of docs/architecture.md "Start-up", each held by a check that fails if the build or the
 * shim regresses: `--version` is answered by bin/pixel.js alone; every other start runs one
 * CommonJS file of pixel's, compiled from V8's code cache (node's ES module loader never
 * starts); libraries a command does not need (rss-parser, ink, react, esbuild, child_process for
 * commander) stay unloaded. Checked through node's own lists: require.cache for the files
 * node's loader loaded, process.moduleLoadList for its internal modules.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_FEATURES as FEATURES } from '../../src/command-features.js';
import { writeLoadsHook, type Loads } from '../helpers/loads-hook.js';
import { makeTempDir, PIXEL_BIN, REPO_ROOT } from '../helpers/run-pixel.js';

let temp: { dir: string; cleanup: () => Promise<void> };
let hook: string;

beforeAll(async () => {
  temp = await makeTempDir('pixel-startup-');
  hook = await writeLoadsHook(temp.dir);
});

afterAll(async () => {
  await temp?.cleanup();
});

async function loadsOf(
  args: string[],
  env: Record<string, string> = {},
  { stdoutToFile = false } = {},
): Promise<Loads> {
  const out = join(temp.dir, `loads-${args.join('-') || 'bare'}.json`);
  const stdout = stdoutToFile ? openSync(join(temp.dir, 'stdout.txt'), 'w') : 'ignore';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', hook, PIXEL_BIN, ...args], {
      cwd: temp.dir,
      env: {
        PATH: process.env.PATH,
        HOME: temp.dir,
        PIXEL_HOME: join(temp.dir, 'home'),
        LOADS_OUT: out,
        ...env,
      },
      stdio: ['ignore', stdout, 'ignore'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
  if (typeof stdout === 'number') closeSync(stdout);
  const { files, internal } = JSON.parse(await readFile(out, 'utf8')) as Loads;
  // Files of pixel's package, relative to it.
  return {
    files: files
      .filter((file) => file.startsWith(REPO_ROOT))
      .map((file) => relative(REPO_ROOT, file)),
    internal,
  };
}

// What node loads to run an ES module (node:vm alone brings in esm/loader, but not these).
const ESM_LOADER = 'NativeModule internal/modules/esm/module_job';

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
    'runs %j from the one bundle, without the ES module loader or unneeded libraries',
    async (args) => {
      const loads = await loadsOf(args);
      // dist/main.js is compiled by the shim (vm.Script with the code cache), not by require.
      expect(loads.files).toEqual(['bin/pixel.js']);
      expect(loads.internal).not.toContain(ESM_LOADER);
      // commander requires child_process when it loads; the build gives it a lazy one.
      expect(loads.internal).not.toContain('NativeModule child_process');
      // stdin and stderr (here /dev/null) are built only when used: process.stdin for a file
      // loads fs streams, fs/promises and readline; a terminal would load tty and net.
      for (const module of ['internal/fs/streams', 'internal/readline/interface', 'tty', 'net']) {
        expect(loads.internal, module).not.toContain(`NativeModule ${module}`);
      }
    },
  );

  it.each([[['--help']], [['learn', 'mlops']], [['learn']]])(
    'writes %j into a file without building process.stdout or an AbortController',
    async (args) => {
      const loads = await loadsOf(args, {}, { stdoutToFile: true });
      // process.stdout for a file is a SyncWriteStream: node's twenty stream modules, ~25M
      // instructions; process-context.ts writes a regular file with fs.writeSync instead.
      expect(loads.internal).not.toContain('NativeModule stream');
      expect(loads.internal).not.toContain('NativeModule internal/fs/sync_write_stream');
      expect(loads.internal).not.toContain('NativeModule internal/abort_controller');
    },
  );

  it("reads a learner's home from $HOME without loading node:os", async () => {
    // No PIXEL_HOME: the shim's compile cache and paths.ts both fall back to the home folder.
    const loads = await loadsOf(['learn', 'mlops'], { PIXEL_HOME: '' }, { stdoutToFile: true });
    expect(loads.internal).not.toContain('NativeModule os');
    await expect(readdir(join(temp.dir, '.cache', 'pixel', 'compile'))).resolves.toHaveLength(1);
    await expect(readdir(join(temp.dir, '.local', 'share', 'pixel'))).resolves.toContain(
      'progress.json',
    );
  });

  it('holds every bundle of dist/ to ASCII, so node reads it as a one-byte string', async () => {
    // One other character (a regular expression's −, which esbuild leaves as written) makes the
    // whole bundle a two-byte string: ~7M instructions more on every start.
    const bundles = (await readdir(join(REPO_ROOT, 'dist'))).filter((name) =>
      /^main(\.[a-z]+)?\.js$/.test(name),
    );
    expect(bundles).toContain('main.js');
    expect(bundles.length).toBe(new Set(Object.values(FEATURES)).size + 1);
    for (const name of bundles) {
      const code = await readFile(join(REPO_ROOT, 'dist', name), 'utf8');
      expect(code.match(/[^\0-\x7f]/g) ?? [], name).toEqual([]);
    }
  });

  it('with PIXEL_COMPILE_CACHE=0, requires the bundle and keeps no cache', async () => {
    const home = join(temp.dir, 'no-cache');
    const loads = await loadsOf(['learn'], { PIXEL_HOME: home, PIXEL_COMPILE_CACHE: '0' });
    expect(loads.files).toEqual(['bin/pixel.js', 'dist/main.learn.js']);
    expect(loads.internal).not.toContain(ESM_LOADER);
    await expect(readdir(join(home, 'cache'))).rejects.toThrow(/ENOENT/);
  });
});

describe('one bundle per feature', () => {
  const started = async (args: string[]) =>
    (await loadsOf(args, { PIXEL_COMPILE_CACHE: '0' }, { stdoutToFile: true })).files.filter(
      (file) => file.startsWith('dist/'),
    );

  it('starts the bundle of the command named first, and main.js for anything else', async () => {
    expect(await started(['learn'])).toEqual(['dist/main.learn.js']);
    expect(await started(['progress'])).toEqual(['dist/main.learn.js']);
    expect(await started(['problems'])).toEqual(['dist/main.judge.js']);
    expect(await started(['feed', 'sources'])).toEqual(['dist/main.feed.js']);
    expect(await started(['completion', 'bash'])).toEqual(['dist/main.completion.js']);
    expect(await started(['--no-color', 'learn'])).toEqual(['dist/main.js']);
    expect(await started(['help', 'learn'])).toEqual(['dist/main.js']);
    expect(await started([])).toEqual(['dist/main.js']);
  });

  it('holds its own feature’s commands and no other’s', async () => {
    const meta = JSON.parse(await readFile(join(REPO_ROOT, 'dist', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const commandModules = (bundle: string) =>
      Object.keys(meta.outputs[`dist/${bundle}`]?.inputs ?? {}).filter(
        (input) => /^src\/[a-z]+\/commands\//.test(input) && !input.startsWith('src/shared/'),
      );
    const every = commandModules('main.js');
    for (const feature of new Set(Object.values(FEATURES))) {
      const own = commandModules(`main.${feature}.js`);
      expect(own.length, feature).toBeGreaterThan(0);
      expect(
        own.filter((input) => !input.startsWith(`src/${feature}/`)),
        feature,
      ).toEqual([]);
      expect(every.filter((input) => input.startsWith(`src/${feature}/commands/`))).toEqual(
        expect.arrayContaining(own.filter((input) => input.startsWith(`src/${feature}/commands/`))),
      );
    }
  });
});

describe('the compile cache', () => {
  it('is written once, then used as it is; a damaged one is replaced', async () => {
    const home = join(temp.dir, 'cache-home');
    const folder = join(home, 'cache', 'compile');
    await loadsOf(['learn'], { PIXEL_HOME: home });
    const [name, ...others] = await readdir(folder);
    expect(others).toEqual([]);
    expect(name).toBe(`main-${process.version}-${process.arch}-learn.bin`);
    const file = join(folder, name!);
    const written = await readFile(file);
    expect(written.length).toBeGreaterThan(10_000);

    // Accepted by V8, so not written again.
    await loadsOf(['learn', 'mlops'], { PIXEL_HOME: home });
    expect((await readFile(file)).equals(written)).toBe(true);

    await writeFile(file, 'not a code cache');
    const loads = await loadsOf(['learn', 'mlops'], { PIXEL_HOME: home });
    expect(loads.files).toEqual(['bin/pixel.js']);
    expect((await readFile(file)).length).toBeGreaterThan(10_000);
  });
});
