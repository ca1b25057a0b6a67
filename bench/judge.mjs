#!/usr/bin/env node
// bench/judge: how much the judge costs over running the same solution bare.
//
// For Python (the budget) and JavaScript (reported): the median wall time of
// `pixel submit --json` on an accepted solution, divided by the median of a bare script that
// loads the same solution and calls it on the same cases in one process. Also the judge's own
// peak memory (VmHWM of the pixel node process, not the learner's), and the margin the slowest
// case leaves a plain Python loop under the per-case CPU limit.
//
//   node bench/judge.mjs [--runs N]          (run `npm run build` first)
//
// Budgets: ratio <= 1.5, judge memory <= 120 MiB, scale margin >= 5x. Exit 1 when one is missed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median } from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;
const BUDGET = { ratio: 1.5, memoryMiB: 120, margin: 5 };
const problemDir = join(root, 'problems', 'gradient-descent');
const samples = join(problemDir, 'submissions', 'accepted');

if (!existsSync(join(root, 'dist', 'main.js'))) {
  console.error('bench/judge: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const work = join(root, '.pixel-bench');
await mkdir(work, { recursive: true });

// The exact cases the judge runs, from the same generator (bundled from src so the bench never
// keeps its own copy of the data).
const casesEntry = join(work, 'judge-cases-entry.ts');
await writeFile(
  casesEntry,
  `import { loadProblem } from '../src/io/judge/problem-store.js';
const loaded = loadProblem('gradient-descent');
process.stdout.write(JSON.stringify({
  limits: loaded.problem.limits,
  cases: loaded.cases.map((c) => loaded.problem.parameters.map((p) => c.input[p.name])),
}));
`,
);
const casesBundle = join(work, 'judge-cases.mjs');
await build({
  entryPoints: [casesEntry],
  outfile: casesBundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const generated = spawnSync(process.execPath, [casesBundle], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (generated.status !== 0) throw new Error(generated.stderr);
const { cases, limits } = JSON.parse(generated.stdout);
const casesFile = join(work, 'judge-cases.json');
await writeFile(casesFile, JSON.stringify(cases));

const barePython = join(work, 'judge-bare.py');
await writeFile(
  barePython,
  `# Written by bench/judge.mjs: the solution over the judge's cases, in one process, no judge.
import importlib.util, json, sys, time
spec = importlib.util.spec_from_file_location("solution", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
cases = json.load(open(sys.argv[2]))
cpu = []
for args in cases:
    start = time.process_time()
    module.gradient_descent(*args)
    cpu.append(time.process_time() - start)
if len(sys.argv) > 3:
    print(json.dumps(cpu))
`,
);
const bareJs = join(work, 'judge-bare.mjs');
await writeFile(
  bareJs,
  `// Written by bench/judge.mjs: the solution over the judge's cases, in one process, no judge.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const { gradientDescent } = await import(pathToFileURL(process.argv[2]).href);
for (const args of JSON.parse(readFileSync(process.argv[3], 'utf8'))) await gradientDescent(...args);
`,
);

/** Runs a command, returning wall ms and, when asked, the peak VmHWM of that process in KiB. */
function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    let peakKiB = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'latin1');
        const hwm = /^VmHWM:\s+(\d+)/m.exec(status);
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      } catch {
        // Exited between samples; VmHWM only grows, so the last sample is the peak so far.
      }
    };
    const poll = options.memory ? setInterval(sample, 5) : undefined;
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(poll);
      resolve({ ms: performance.now() - started, stdout, stderr, peakKiB });
    });
  });
}

async function measure(label, solution, bare) {
  const home = await mkdtemp(join(tmpdir(), 'pixel-bench-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? home,
    PIXEL_HOME: home,
    LANG: 'C.UTF-8',
  };
  const pixelArgs = [
    join(root, 'bin', 'pixel.js'),
    'submit',
    solution,
    '--problem',
    'gradient-descent',
    '--json',
  ];
  const judged = [];
  const bareRuns = [];
  let peakKiB = 0;
  // Warm the file cache once, then interleave so drift affects both sides alike.
  await timed(process.execPath, pixelArgs, { env });
  await timed(bare[0], [...bare.slice(1)]);
  for (let run = 0; run < RUNS; run++) {
    const result = await timed(process.execPath, pixelArgs, { env, memory: true });
    const report = JSON.parse(result.stdout);
    if (report.verdict !== 'accepted')
      throw new Error(`${label}: expected accepted, got ${report.verdict}`);
    judged.push(result.ms);
    peakKiB = Math.max(peakKiB, result.peakKiB);
    bareRuns.push((await timed(bare[0], bare.slice(1))).ms);
  }
  await rm(home, { recursive: true, force: true });
  const ratio = median(judged) / median(bareRuns);
  console.log(
    `${label.padEnd(11)} pixel submit ${median(judged).toFixed(0).padStart(5)} ms   bare ${median(bareRuns).toFixed(0).padStart(5)} ms   ratio ${ratio.toFixed(2)}   judge peak ${(peakKiB / 1024).toFixed(1)} MiB`,
  );
  return { ratio, peakMiB: peakKiB / 1024 };
}

const python = process.env.PIXEL_PYTHON || 'python3';
const pySolution = join(samples, 'plain-loop.py');
const jsSolution = join(samples, 'plain-loop.js');
console.log(
  `bench/judge: ${cases.length} cases, median of ${RUNS} runs each (node ${process.version})`,
);
const py = await measure('python', pySolution, [python, barePython, pySolution, casesFile]);
const js = await measure('javascript', jsSolution, [
  process.execPath,
  bareJs,
  jsSolution,
  casesFile,
]);

// The slowest case of a plain Python loop against the per-case CPU limit.
const cpu = JSON.parse(
  spawnSync(python, [barePython, pySolution, casesFile, 'cpu'], { encoding: 'utf8' }).stdout,
);
const slowest = Math.max(...cpu);
const margin = limits.cpuSecondsPerCase / slowest;
console.log(
  `scale       slowest case ${(slowest * 1000).toFixed(0)} ms CPU for a plain Python loop; limit ${limits.cpuSecondsPerCase} s → margin ${margin.toFixed(1)}×`,
);

const peak = Math.max(py.peakMiB, js.peakMiB);
const checks = [
  [`python ratio ${py.ratio.toFixed(2)} <= ${BUDGET.ratio}`, py.ratio <= BUDGET.ratio],
  [`judge peak memory ${peak.toFixed(1)} MiB <= ${BUDGET.memoryMiB} MiB`, peak <= BUDGET.memoryMiB],
  [`scale margin ${margin.toFixed(1)}x >= ${BUDGET.margin}x`, margin >= BUDGET.margin],
];
for (const [text, ok] of checks) console.log(`${ok ? 'ok  ' : 'OVER'} ${text}`);
console.log(`(javascript ratio ${js.ratio.toFixed(2)}, reported only)`);
void pathToFileURL;
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
