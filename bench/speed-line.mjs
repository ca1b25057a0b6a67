#!/usr/bin/env node
// bench/speed-line: what the speed line adds to an accepted `pixel submit`, as a ratio to the
// same submission with --no-speed, measured in the same loop (interleaved, so the machine's
// load falls on both alike), for Python and JavaScript.
//
//   node bench/speed-line.mjs [--runs N] [--inherit-env]   (run `npm run build` first)
//
// Each run is a workspace holding the problem's own plain reference as the learner's solution,
// so every run is accepted. Reported: median wall time with and without the speed line, their
// ratio, and the cost the speed line itself reports (costMs in --json). No budget: the extra
// runs happen only on acceptance, and the README states what they cost.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
const pixel = join(root, 'bin', 'pixel.js');
if (!existsSync(join(root, 'dist', 'main.js'))) {
  console.error('bench/speed-line: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const base = mkdtempSync(join(tmpdir(), 'pixel-speed-bench-'));
const env = {
  ...(process.argv.includes('--inherit-env')
    ? process.env
    : { PATH: process.env.PATH, HOME: process.env.HOME }),
  PIXEL_HOME: join(base, 'home'),
};

function workspace(language, file, solution) {
  const dir = join(base, language);
  const made = spawnSync(
    process.execPath,
    [pixel, 'solve', 'gd', '--lang', language, '--dir', dir],
    {
      env,
      encoding: 'utf8',
    },
  );
  if (made.status !== 0) throw new Error(made.stderr);
  copyFileSync(join(root, 'problems', 'gradient-descent', 'solutions', solution), join(dir, file));
  return dir;
}

function submit(dir, extra) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [pixel, 'submit', '--json', ...extra], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  const report = JSON.parse(run.stdout);
  if (report.verdict !== 'accepted') throw new Error(`not accepted: ${report.message}`);
  return { ms, costMs: report.speed?.costMs };
}

try {
  mkdirSync(env.PIXEL_HOME, { recursive: true });
  for (const [language, file, solution] of [
    ['python', 'solution.py', 'plain.py'],
    ['javascript', 'solution.js', 'plain.js'],
  ]) {
    const dir = workspace(language, file, solution);
    submit(dir, ['--no-speed']); // warm the compile cache
    const without = [];
    const withSpeed = [];
    const costs = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(submit(dir, ['--no-speed']).ms);
      const timed = submit(dir, []);
      withSpeed.push(timed.ms);
      costs.push(timed.costMs);
    }
    const a = median(withSpeed);
    const b = median(without);
    console.log(
      `${language.padEnd(10)} submit ${(b / 1000).toFixed(2)} s, with the speed line ${(a / 1000).toFixed(2)} s: ×${(a / b).toFixed(2)} (its own costMs, median: ${(median(costs) / 1000).toFixed(2)} s)`,
    );
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}
