#!/usr/bin/env node
// Start-up budgets (issue 2): median wall-clock ratio of whole `pixel` processes to `node -e 0`,
// measured in the same run, interleaved, so a noisy shared machine slows both sides alike.
//
//   node bench/startup.mjs [--runs N] [--instructions] [--clean-env]
//
// Children get the machine's own environment, as the budgets were measured: there,
// NODE_EXTRA_CA_CERTS adds ~35 ms to every node start, the baseline's included. --clean-env
// keeps only PATH and HOME, which makes every ratio stricter.
// --instructions also counts instructions under valgrind (callgrind, node --jitless): one run
// per command, the same count whatever else the machine is doing, so a change's real cost can
// be seen on a busy machine where wall-clock medians drift.
// Exits 1 when a budget is missed, so it can gate a release; tests never run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pixel = join(root, 'bin', 'pixel.js');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 20;
const home = mkdtempSync(join(tmpdir(), 'pixel-bench-'));
const sink = join(home, 'out.txt');
const baseEnv = process.argv.includes('--clean-env')
  ? { PATH: process.env.PATH, HOME: process.env.HOME }
  : process.env;

const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'pixel --version', args: [pixel, '--version'], budget: 1.25 },
  { name: 'pixel --help', args: [pixel, '--help'], budget: 1.3 },
  { name: 'pixel learn mlops > file', args: [pixel, 'learn', 'mlops'], budget: 1.5 },
];

function timeOnce(args) {
  const out = openSync(sink, 'w');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', out, 'ignore'],
    env: { ...baseEnv, PIXEL_HOME: home, NO_COLOR: '1' },
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  closeSync(out);
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return elapsed;
}

// Warm the file cache first, then interleave: baseline, each command, baseline, ...
for (const c of cases) timeOnce(c.args);
const samples = cases.map(() => []);
for (let round = 0; round < runs; round++) {
  cases.forEach((c, index) => samples[index].push(timeOnce(c.args)));
}

const baseline = median(samples[0]);
let missed = 0;
console.log(
  `runs per command: ${runs}; baseline node -e 0: ${baseline.toFixed(1)} ms (median); ` +
    `environment: ${baseEnv === process.env ? 'inherited' : 'clean'}` +
    `${baseEnv.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS set)' : ''}`,
);
console.log('command                      median ms   ratio   budget');
for (const [index, c] of cases.entries()) {
  if (index === 0) continue;
  const m = median(samples[index]);
  const ratio = m / baseline;
  const ok = ratio <= c.budget;
  if (!ok) missed++;
  console.log(
    `${c.name.padEnd(28)} ${m.toFixed(1).padStart(9)}   ${ratio.toFixed(2).padStart(5)}   ≤ ${c.budget}  ${ok ? 'ok' : 'OVER'}`,
  );
}

if (process.argv.includes('--instructions')) {
  const countInstructions = (args) => {
    const result = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--callgrind-out-file=/dev/null',
        process.execPath,
        '--jitless',
        ...args,
      ],
      { encoding: 'utf8', env: { ...process.env, PIXEL_HOME: home, NO_COLOR: '1' } },
    );
    const match = /Collected : (\d+)/.exec(result.stderr ?? '');
    if (!match)
      throw new Error(`valgrind did not count ${args.join(' ')} (is valgrind installed?)`);
    return Number(match[1]);
  };
  const base = countInstructions(cases[0].args);
  console.log(`\ninstructions (callgrind, --jitless): node -e 0 = ${(base / 1e6).toFixed(0)} M`);
  for (const c of cases.slice(1)) {
    const count = countInstructions(c.args);
    console.log(
      `${c.name.padEnd(28)} ${(count / 1e6).toFixed(0).padStart(6)} M   ${(count / base).toFixed(2)}`,
    );
  }
}
rmSync(home, { recursive: true, force: true });
process.exitCode = missed ? 1 : 0;
