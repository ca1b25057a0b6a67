// Builds pixel: content steps that validate and pre-parse data (so no start-up pays for it),
// then esbuild bundles src/main.ts into one CommonJS file in which each command's code runs
// only when that command does (docs/architecture.md, "Start-up").
import { build } from 'esbuild';
import { readFile, rm, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, dirname, join, relative } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const finalDist = join(root, 'dist');
// Build beside dist/ and swap it in at the end, so a test that is running bin/pixel.js while
// another build happens never sees a half-written dist/.
const dist = join(root, `dist.building-${process.pid}`);
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** Bundles a TypeScript file of scripts/ (or, by a relative path, of src/) and imports it. */
async function importScript(name) {
  const outfile = join(
    root,
    'node_modules',
    '.cache',
    'pixel-build',
    basename(name).replace(/\.ts$/, '.mjs'),
  );
  await build({
    entryPoints: [join(root, 'scripts', name)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

// `npm run schemas`: rewrite problems/schema/*.schema.json from the zod schemas, and stop.
if (process.argv.includes('--write-schemas')) {
  const { writeProblemSchemas } = await importScript('problem-schemas.ts');
  await writeProblemSchemas(root);
  console.log('wrote problems/schema/');
  process.exit(0);
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// Content steps validate and pre-parse content; each fails the build with every issue it finds.
const steps = (await readdir(join(root, 'scripts')))
  .filter((name) => /^content-.*\.ts$/.test(name))
  .sort();
for (const step of steps) {
  const { run } = await importScript(step);
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

/**
 * Every import() the bundle keeps must work when bin/pixel.js runs it from V8's code cache
 * (vm.Script, which has no module loader of its own). So what CommonJS can load is required
 * instead: node's own modules, esbuild, and rss-parser (with xml2js and sax, ~150 KB, only for
 * fetching feeds, so it lives in its own file, dist/vendor/rss-parser.cjs). Each becomes a
 * stand-in module that require()s it, reached only through the import(), so it still loads on
 * first use. ink and react are ES modules: src/shared/ui/load-ink.ts imports them through the
 * loader bin/pixel.js lends.
 *
 * rss-parser's helper module (`rss-parser/lib/utils.js`, which src/feed/io/parse-feed.ts changes
 * so that no `contentSnippet` is built) comes from the same vendor file as the parser: bundled
 * into main.js on its own it was a second copy, and the change never reached the parser.
 */
const RSS_PARSER_FILE = './vendor/rss-parser.cjs';
const FROM_VENDOR = { 'rss-parser': 'Parser', 'rss-parser/lib/utils.js': 'utils' };
const requireOnDemand = {
  name: 'require-on-demand',
  setup(pluginBuild) {
    pluginBuild.onResolve(
      { filter: /^(rss-parser(\/lib\/utils\.js)?|esbuild|node:.*)$/ },
      (args) =>
        args.kind === 'dynamic-import'
          ? { path: args.path, namespace: 'require-on-demand' }
          : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'require-on-demand' }, (args) => ({
      contents: FROM_VENDOR[args.path]
        ? `module.exports = require(${JSON.stringify(RSS_PARSER_FILE)}).${FROM_VENDOR[args.path]};`
        : `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    pluginBuild.onResolve({ filter: /vendor\/rss-parser\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

// One CommonJS file for all of pixel's own code (see docs/architecture.md, "Start-up"): node's CommonJS loader
// starts far cheaper than its ES module loader, and one file costs one read and one compile.
// Modules reached only by a dynamic import() are wrapped by esbuild and run on first use, so a
// command still runs only its own code. Libraries loaded at run time stay outside: ink and react
// (interactive screens), esbuild (transpiling a learner's TypeScript), rss-parser (above).
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};
// See scripts/topics-version.ts.
const { TOPICS_VERSION } = await importScript('topics-version.ts');
const bundleDefines = {
  __PIXEL_VERSION__: JSON.stringify(pkg.version),
  __PIXEL_TOPICS_VERSION__: JSON.stringify(TOPICS_VERSION),
  // CommonJS has no import.meta; the bundle's own folder is __dirname. (No import.meta.url:
  // making a file URL at every start parses it with node's URL code, ~0.7 ms.)
  'import.meta.dirname': '__dirname',
};
const bundle = await build({
  ...common,
  entryPoints: { main: join(root, 'src', 'main.ts') },
  plugins: [lazyChildProcessForCommander, requireOnDemand],
  metafile: true,
  outdir: dist,
  define: bundleDefines,
  external: ['esbuild', 'ink', 'react'],
  jsx: 'automatic',
});
/**
 * One bundle per feature besides main.js (see src/command-features.ts): the same program, in
 * which the dynamic imports of program.ts that reach another feature's commands load a module
 * that throws. The shim starts a feature's bundle only for a command of that feature, so those
 * imports are never reached; dist/commands.json tells it which bundle is whose.
 */
const { COMMAND_FEATURES } = await importScript('../src/command-features.ts');
const FEATURES = [...new Set(Object.values(COMMAND_FEATURES))];
const COMMAND_IMPORT = new RegExp(`^\\./(${FEATURES.join('|')})/`);
function onlyFeature(feature) {
  return {
    name: `only-${feature}`,
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: COMMAND_IMPORT }, (args) => {
        const owner = COMMAND_IMPORT.exec(args.path)?.[1];
        return args.kind === 'dynamic-import' &&
          /[\\/]src[\\/]program\.ts$/.test(args.importer) &&
          owner !== feature
          ? { path: args.path, namespace: 'not-in-this-bundle' }
          : undefined;
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: 'not-in-this-bundle' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`${args.path} is not in the ${feature} bundle`)});`,
        loader: 'js',
      }));
    },
  };
}
const featureBundles = [];
for (const feature of FEATURES) {
  featureBundles.push(
    await build({
      ...common,
      // Source maps for main.js only: nothing reads them at run time, and each is ~2 MB.
      sourcemap: false,
      entryPoints: { [`main.${feature}`]: join(root, 'src', 'main.ts') },
      plugins: [lazyChildProcessForCommander, requireOnDemand, onlyFeature(feature)],
      metafile: true,
      outdir: dist,
      define: bundleDefines,
      external: ['esbuild', 'ink', 'react'],
      jsx: 'automatic',
    }),
  );
}
await writeFile(
  join(dist, 'commands.json'),
  `${JSON.stringify(Object.fromEntries(Object.entries(COMMAND_FEATURES).map(([command, feature]) => [command, `main.${feature}.js`])))}\n`,
);

/**
 * rss-parser's helpers require `entities` at load for getSnippet alone, which pixel replaces
 * (src/feed/io/parse-feed.ts): loading the vendor file built its 2,000-name decoder (tables,
 * a sort, a giant pattern) on every refresh. The helpers get a decodeHTML that requires the
 * real one on its first call, so the same code is there if it is ever called.
 */
const entitiesOnFirstUse = {
  name: 'entities-on-first-use',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^entities$/ }, (args) =>
      /rss-parser[\\/]lib[\\/]utils\.js$/.test(args.importer)
        ? { path: 'entities', namespace: 'entities-on-first-use' }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'entities-on-first-use' }, () => ({
      contents: "exports.decodeHTML = (text) => require('entities').decodeHTML(text);",
      resolveDir: join(root, 'node_modules', 'rss-parser', 'lib'),
      loader: 'js',
    }));
  },
};
const vendor = await build({
  ...common,
  plugins: [entitiesOnFirstUse],
  metafile: true,
  // The parser and its helpers, one copy of each (see FROM_VENDOR above).
  stdin: {
    contents:
      "module.exports = { Parser: require('rss-parser'), utils: require('rss-parser/lib/utils.js') };",
    resolveDir: root,
    sourcefile: 'vendor-rss-parser.cjs',
  },
  outfile: join(dist, 'vendor', 'rss-parser.cjs'),
});
// One character outside ASCII makes node read the whole bundle as a two-byte string (UTF-8
// decoded, then scanned at twice the size): ~7M instructions on every start. esbuild escapes
// strings and identifiers but leaves regular expression literals as written (/^[-−+]/), so what
// it leaves is escaped here; \uXXXX means the same character in a string, a template or a
// regular expression. Columns after an escape on its line shift by five in the source map.
for (const file of [
  join(dist, 'main.js'),
  ...FEATURES.map((feature) => join(dist, `main.${feature}.js`)),
  join(dist, 'vendor', 'rss-parser.cjs'),
]) {
  const code = await readFile(file, 'utf8');
  // Per UTF-16 unit: an astral character becomes its surrogate pair, right with or without /u.
  const ascii = code.replace(
    /[^\0-\x7f]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (ascii !== code) await writeFile(file, ascii);
}
// package.json says "type": "module" (for src/, scripts and tests); dist/ is CommonJS.
await writeFile(join(dist, 'package.json'), '{ "type": "commonjs" }\n');

// What each output file holds, for anyone asking why a command loads what it loads.
// test/startup/runtime-dependencies.test.ts reads it to hold package.json to what dist/ loads.
const outputs = {
  ...bundle.metafile.outputs,
  ...Object.assign({}, ...featureBundles.map((built) => built.metafile.outputs)),
  ...vendor.metafile.outputs,
};
// Named as they end up, dist/..., not by the folder they were built in.
const building = `${relative(root, dist)}/`;
const named = Object.fromEntries(
  Object.entries(outputs).map(([name, output]) => [
    name.startsWith(building) ? `dist/${name.slice(building.length)}` : name,
    output,
  ]),
);
await writeFile(join(dist, 'meta.json'), JSON.stringify({ outputs: named }));
const previous = `${finalDist}.old-${process.pid}`;
await rename(finalDist, previous).catch(() => undefined);
await rename(dist, finalDist);
await rm(previous, { recursive: true, force: true });
console.error(`built pixel ${pkg.version} into dist/`);
