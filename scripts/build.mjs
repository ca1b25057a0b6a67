// Builds pixel: content steps that validate and pre-parse data (so no start-up pays for it),
// then one esbuild bundle of src/main.ts with code splitting, so each command's code and
// libraries load only when that command runs.
import { build } from 'esbuild';
import { readFile, rm, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const finalDist = join(root, 'dist');
// Build beside dist/ and swap it in at the end, so a test that is running bin/pixel.js while
// another build happens never sees a half-written dist/.
const dist = join(root, `dist.building-${process.pid}`);
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// Content steps are TypeScript (they share schemas with src/core); bundle each, then run it.
const steps = (await readdir(join(root, 'scripts')))
  .filter((name) => /^content-.*\.ts$/.test(name))
  .sort();
for (const step of steps) {
  const outfile = join(
    root,
    'node_modules',
    '.cache',
    'pixel-build',
    step.replace(/\.ts$/, '.mjs'),
  );
  await build({
    entryPoints: [join(root, 'scripts', step)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const { run } = await import(pathToFileURL(outfile).href);
  await run({ root, dist });
}

/** Gives commander a lazy child_process (see scripts/lazy-child-process.cjs). */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: join(root, 'scripts', 'lazy-child-process.cjs') }
        : undefined,
    );
  },
};

const bundle = await build({
  entryPoints: [join(root, 'src', 'main.ts')],
  plugins: [lazyChildProcessForCommander],
  metafile: true,
  outdir: dist,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __PIXEL_VERSION__: JSON.stringify(pkg.version) },
  external: ['esbuild'],
  jsx: 'automatic',
  logLevel: 'warning',
});
// Bundled CommonJS dependencies (commander, rss-parser) call require() through esbuild's
// __require helper, which uses whatever `require` is in scope where the helper is defined.
// Give a real one to that file alone: a banner on every chunk would load node:module and build a
// require function in each of them, on every start.
const REQUIRE_LINE =
  "import { createRequire as __pixelCreateRequire } from 'node:module'; const require = __pixelCreateRequire(import.meta.url);\n";
for (const output of Object.keys(bundle.metafile.outputs).filter((file) => file.endsWith('.js'))) {
  const file = join(root, output);
  const code = await readFile(file, 'utf8');
  if (code.includes('typeof require')) await writeFile(file, REQUIRE_LINE + code);
}

// What each output file holds, for anyone asking why a command loads what it loads.
await writeFile(join(dist, 'meta.json'), JSON.stringify(bundle.metafile));
const previous = `${finalDist}.old-${process.pid}`;
await rename(finalDist, previous).catch(() => undefined);
await rename(dist, finalDist);
await rm(previous, { recursive: true, force: true });
await rm(join(root, 'node_modules', '.cache', `pixel-build-${process.pid}`), {
  recursive: true,
  force: true,
});
console.error(`built pixel ${pkg.version} into dist/`);
