#!/usr/bin/env node
// The shim starts the built program (dist/main.js, or the bundle of the command's feature);
// everything else lives in src/.
// It is CommonJS (bin/package.json), as dist/ is. Its start-up tricks (--version here, the
// code cache) are explained in docs/architecture.md "Start-up" and held by
// test/startup/bundle-shape.e2e.test.ts.
'use strict';
const { readFileSync, writeFileSync, writeSync, mkdirSync, renameSync } = require('node:fs');
const { dirname, join } = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered here, before any of pixel loads: the version is all that was asked. writeSync
  // also spares setting up process.stdout, which costs more than reading package.json.
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  writeSync(1, `${version}\n`);
} else {
  start(bundleFor(args[0]));
}

/**
 * The bundle to start: the one of the feature of the command named first (dist/commands.json,
 * written by the build from src/command-features.ts), which holds less code to read and
 * compile; dist/main.js, which holds every command, for anything else.
 */
function bundleFor(word) {
  const dist = join(__dirname, '..', 'dist');
  let bundles;
  try {
    bundles = JSON.parse(readFileSync(join(dist, 'commands.json'), 'utf8'));
  } catch {
    bundles = {};
  }
  const name = Object.hasOwn(bundles, word) ? bundles[word] : undefined;
  return join(dist, typeof name === 'string' && /^main\.[a-z]+\.js$/.test(name) ? name : 'main.js');
}

/**
 * Where V8's compiled code for dist/main.js is kept: pixel's cache folder (the rule of
 * src/shared/io/paths.ts, repeated because nothing of src/ is loaded yet), one file per Node version
 * and command.
 */
function compileCacheFile() {
  const env = process.env;
  const home = env.PIXEL_HOME && env.PIXEL_HOME.trim();
  const xdg = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim();
  const folder = home
    ? join(home, 'cache')
    : xdg && xdg.startsWith('/')
      ? join(xdg, 'pixel')
      : join(homeFolder(env), '.cache', 'pixel');
  // One per command: each holds the functions its own first run compiled.
  const command = /^[a-z]+$/.test(args[0] || '') ? args[0] : 'other';
  return join(folder, 'compile', `main-${process.version}-${process.arch}-${command}.bin`);
}

/** $HOME, as os.homedir() reads it outside Windows; node:os costs ~0.3 ms to load. */
function homeFolder(env) {
  if (env.HOME && process.platform !== 'win32') return env.HOME;
  return require('node:os').homedir();
}

/**
 * Runs a bundle of dist/ as node's require would, but compiled with V8's code cache: compiling the
 * bundle is the largest part of pixel's start-up, and the cache holds every function the last
 * uncached run compiled. V8 refuses a cache made from other source or by another V8, and the
 * file is then written anew. PIXEL_COMPILE_CACHE=0 runs it with plain require.
 */
function start(file) {
  if (process.env.PIXEL_COMPILE_CACHE === '0') {
    require(file);
    return;
  }
  const vm = require('node:vm');
  // Code compiled by vm has no loader for import(): lend this module's, which resolves ink and
  // react from the same node_modules (src/shared/ui/load-ink.ts).
  globalThis[Symbol.for('pixel.import')] = (specifier) => import(specifier);
  // The CommonJS loader's Module class, as require('node:module') returns it: that public
  // module would also load node's ES module loader (~0.3 ms), which nothing here needs.
  const Module = module.constructor;
  const cacheFile = compileCacheFile();
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit, so the cache holds the functions this run compiled, not only the top level.
    process.on('exit', () => {
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        const temporary = `${cacheFile}.tmp-${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // A cache that cannot be written only costs the next start its compile time.
      }
    });
  }
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script
    .runInThisContext()
    .call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
}
