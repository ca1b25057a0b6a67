#!/usr/bin/env node
// Start-up budgets (issues 2 and 12): median wall-clock ratio of whole `pixel` processes to
// `node -e 0`, measured in the same run, interleaved, so a noisy shared machine slows both sides
// alike.
//
//   node bench/startup.mjs [--runs N] [--instructions] [--inherit-env] [--no-compile-cache]
//
// Children run in a clean environment by default, as on a learner's machine: PATH and HOME only
// (plus what each case sets). --inherit-env passes this machine's own environment instead; here
// it sets NODE_EXTRA_CA_CERTS, which adds ~40 ms to every node start and so flatters every ratio.
// The first run writes V8's code cache into the bench's PIXEL_HOME and the others use it, as a
// learner's runs after the first do; --no-compile-cache measures without it.
// --instructions also counts instructions under valgrind (callgrind, node --jitless) in the same
// environment and with the same standard streams (stdout a file): the least of three runs per
// command, the same count whatever else the machine is doing, so a change's real cost shows on a
// busy machine where wall-clock medians drift. The figures to quote are the deltas over
// `node -e 0`. `warm pixel feed` lists from a cache this bench fills first from the real feed
// fixtures (test/fixtures/feeds/real) served on 127.0.0.1, as a learner's `pixel feed` lists the
// sources shipped in dist/feeds/sources.json: it runs from a copy of the package whose shipped
// list is those twelve (bin/pixel.js and package.json copied, the rest of dist/ linked). The
// same listing through PIXEL_FEED_SOURCES, a file pixel must check itself (zod; ~13M
// instructions), is reported beside it.
// Exits 1 when a budget is missed, so it can gate a release; tests never run it.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pixel = join(root, 'bin', 'pixel.js');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 20;
const inherit = process.argv.includes('--inherit-env');
const home = mkdtempSync(join(tmpdir(), 'pixel-bench-'));
const sink = join(home, 'out.txt');
const baseEnv = inherit
  ? { ...process.env }
  : { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? home };

const compileCache = !process.argv.includes('--no-compile-cache');
const envOf = (c) => ({
  ...baseEnv,
  PIXEL_HOME: home,
  NO_COLOR: '1',
  ...(compileCache ? {} : { PIXEL_COMPILE_CACHE: '0' }),
  ...c.env,
});

const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'pixel --version', args: [pixel, '--version'], budget: 1.15, target: 15 },
  { name: 'pixel --help', args: [pixel, '--help'], budget: 1.3, target: 50 },
  { name: 'pixel learn mlops > file', args: [pixel, 'learn', 'mlops'], budget: 1.4, target: 60 },
  {
    // Another width than the page the build pre-rendered: the lesson is rendered at run time.
    name: 'COLUMNS=100 learn mlops',
    args: [pixel, 'learn', 'mlops'],
    env: { COLUMNS: '100' },
    budget: 1.5,
  },
  {
    // A listing from a fresh cache (filled below from the twelve real feed fixtures).
    name: 'warm pixel feed',
    args: [join(home, 'package', 'bin', 'pixel.js'), 'feed'],
    budget: 2.0,
    target: 90,
  },
  {
    name: 'warm, PIXEL_FEED_SOURCES',
    args: [pixel, 'feed'],
    env: { PIXEL_FEED_SOURCES: join(home, 'sources.json') },
  },
];

/**
 * A copy of pixel's package whose shipped sources (dist/feeds/sources.json) are `sources`:
 * bin/pixel.js, its package.json and pixel's package.json copied (the package is found by
 * walking up from the bundle's folder), every other file of dist/ a link to the checkout's.
 */
function packageShipping(sources) {
  const copy = join(home, 'package');
  mkdirSync(join(copy, 'bin'), { recursive: true });
  for (const file of ['bin/pixel.js', 'bin/package.json', 'package.json'])
    copyFileSync(join(root, file), join(copy, file));
  const linkAllBut = (from, to, except) => {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from))
      if (name !== except) symlinkSync(join(from, name), join(to, name));
  };
  linkAllBut(join(root, 'dist'), join(copy, 'dist'), 'feeds');
  linkAllBut(join(root, 'dist', 'feeds'), join(copy, 'dist', 'feeds'), 'sources.json');
  writeFileSync(
    join(copy, 'dist', 'feeds', 'sources.json'),
    JSON.stringify({
      version: 1,
      sources: sources.map((source) => ({
        ...source,
        tags: [],
        provenance: 'official',
        enabled: true,
      })),
    }),
  );
}

// The warm feed's cache: one `pixel feed --refresh` against a local server of the real fixtures,
// fresh for the next 30 minutes (the default --max-age), so every timed `pixel feed` lists from it.
{
  const fixtures = join(root, 'test', 'fixtures', 'feeds', 'real');
  const names = readdirSync(fixtures).filter((name) => name.endsWith('.xml'));
  const server = createServer((request, response) => {
    const name = names.find((file) => request.url === `/${file}`);
    if (!name) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(readFileSync(join(fixtures, name)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sources = names.map((name) => ({
    id: name.replace(/\.xml$/, ''),
    name: name.replace(/\.xml$/, ''),
    url: `http://127.0.0.1:${server.address().port}/${name}`,
  }));
  writeFileSync(join(home, 'sources.json'), JSON.stringify({ version: 1, sources }));
  packageShipping(sources);
  // Both listings read the same cache: the same ids and addresses.
  const feed = cases.find((c) => c.name === 'warm pixel feed');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [...feed.args, '--refresh'], {
      stdio: 'ignore',
      env: envOf(feed),
    });
    child.on('close', resolve);
  });
  server.close();
  if (code !== 0) throw new Error(`pixel feed --refresh exited ${code}`);
}

function timeOnce(c) {
  const out = openSync(sink, 'w');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, c.args, {
    stdio: ['ignore', out, 'ignore'],
    env: envOf(c),
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  closeSync(out);
  if (result.status !== 0) throw new Error(`${c.args.join(' ')} exited ${result.status}`);
  return elapsed;
}

// Warm the file cache first, then interleave: baseline, each command, baseline, ...
for (const c of cases) timeOnce(c);
// The two warm listings must be the same listing, of every cached post.
{
  const listed = cases
    .filter((c) => c.name.startsWith('warm'))
    .map((c) => spawnSync(process.execPath, c.args, { env: envOf(c), encoding: 'utf8' }).stdout);
  if (listed.some((text) => text !== listed[0]) || listed[0].split('\n').length < 100)
    throw new Error('the warm listings differ, or list next to nothing');
}
const samples = cases.map(() => []);
for (let round = 0; round < runs; round++) {
  cases.forEach((c, index) => samples[index].push(timeOnce(c)));
}

const baseline = median(samples[0]);
let missed = 0;
console.log(
  `node ${process.version}; runs per command: ${runs}; baseline node -e 0: ` +
    `${baseline.toFixed(1)} ms (median); environment: ${inherit ? 'inherited' : 'clean (PATH, HOME)'}` +
    `${baseEnv.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS set)' : ''}` +
    `; compile cache ${compileCache ? 'on' : 'off'}`,
);
console.log('command                      median ms   ratio   budget');
for (const [index, c] of cases.entries()) {
  if (index === 0) continue;
  const m = median(samples[index]);
  const ratio = m / baseline;
  const ok = c.budget === undefined || ratio <= c.budget;
  if (!ok) missed++;
  console.log(
    `${c.name.padEnd(28)} ${m.toFixed(1).padStart(9)}   ${ratio.toFixed(2).padStart(5)}   ${c.budget === undefined ? '(reported)' : `≤ ${c.budget}  ${ok ? 'ok' : 'OVER'}`}`,
  );
}

if (process.argv.includes('--instructions')) {
  // The same standard streams as the timed runs: stdout a file, stdin and stderr /dev/null
  // (node builds process.stdout for a pipe from net, for a file from fs: not the same cost).
  const countInstructions = (c) => {
    const out = openSync(sink, 'w');
    const log = join(home, 'callgrind.txt');
    const result = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--callgrind-out-file=/dev/null',
        `--log-file=${log}`,
        process.execPath,
        '--jitless',
        ...c.args,
      ],
      { stdio: ['ignore', out, 'ignore'], env: envOf(c) },
    );
    closeSync(out);
    if (result.error) throw result.error;
    const match = /Collected : (\d+)/.exec(readFileSync(log, 'utf8'));
    if (!match)
      throw new Error(`valgrind did not count ${c.args.join(' ')} (is valgrind installed?)`);
    return Number(match[1]);
  };
  // Node's helper threads (GC, compiler) make a count wander by a few million from run to run:
  // the least of three is what the command itself costs.
  const leastOf = (c) => Math.min(countInstructions(c), countInstructions(c), countInstructions(c));
  // V8 refuses a code cache made with other flags: let one --jitless run of each command write
  // its cache (bin/pixel.js, docs/architecture.md "Start-up") before counting, as the timed runs had theirs.
  for (const c of cases) {
    spawnSync(process.execPath, ['--jitless', ...c.args], { stdio: 'ignore', env: envOf(c) });
  }
  const base = leastOf(cases[0]);
  const millions = (count) => (count / 1e6).toFixed(0);
  const signed = (count) => `${count < 0 ? '−' : '+'}${millions(Math.abs(count))}`;
  console.log(`\ninstructions (callgrind, --jitless, least of 3): node -e 0 = ${millions(base)} M`);
  console.log('command                      total M   delta M   aim');
  for (const c of cases.slice(1)) {
    const count = leastOf(c);
    console.log(
      `${c.name.padEnd(28)} ${millions(count).padStart(7)}   ${signed(count - base).padStart(7)}   ${c.target ? `+${c.target}` : ''}`,
    );
  }
}
rmSync(home, { recursive: true, force: true });
process.exitCode = missed ? 1 : 0;
