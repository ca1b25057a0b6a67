#!/usr/bin/env node
// bench/problem-limits: does every problem's CPU limit leave a plain Python loop room to spare?
//
//   node bench/problem-limits.mjs [--runs N] [--inherit-env] [problem ...]
//
// For each problem (all of them by default) its plain Python solution (solutions/plain.py, or
// submissions/accepted/plain-loop.py) runs bare over the judge's own cases, in one process with
// the resolved interpreter (never a pyenv/asdf shim), each case decoded from its JSON line as
// the harness does. CPU time per case is the median of N runs; margin = the problem's
// cpuSecondsPerCase / the slowest case. The children get PATH and HOME only (--inherit-env keeps
// the whole environment).
//
// Budget: margin >= 5x for every problem (issue 8: comfortable for a plain loop on the scale
// cases). Exit 1 when one is missed; tests never run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFromSources } from './from-sources.mjs';
import { resolvedPython } from './python.mjs';
import { median } from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
const BUDGET_MARGIN = 5;
const chosen = process.argv
  .slice(2)
  .filter((arg, i, all) => !arg.startsWith('--') && all[i - 1] !== '--runs');

const work = join(root, '.pixel-bench');
await mkdir(work, { recursive: true });
const env = process.argv.includes('--inherit-env')
  ? { ...process.env }
  : { PATH: process.env.PATH, HOME: process.env.HOME };

const python = resolvedPython('bench/problem-limits');

// The exact cases the judge runs, from the same generators (bundled from src so the bench never
// keeps its own copy of the data).
const problems = await runFromSources(
  work,
  'limits-cases',
  `import { listProblemIds, loadProblem } from '../src/judge/io/problem-store.js';
const ids = ${JSON.stringify(chosen)};
process.stdout.write(JSON.stringify((ids.length > 0 ? ids : listProblemIds()).map((id) => {
  const { problem, cases, dir } = loadProblem(id);
  return {
    id: problem.id,
    dir,
    limit: problem.limits.cpuSecondsPerCase,
    entry: problem.languages.python.entry,
    cases: cases.map((c) => ({ id: c.id, args: problem.parameters.map((p) => c.input[p.name]) })),
  };
})));
`,
);

const bare = join(work, 'limits-bare.py');
await writeFile(
  bare,
  `# Written by bench/problem-limits.mjs: a solution over the judge's cases, CPU seconds per case.
import importlib.util, json, sys, time
spec = importlib.util.spec_from_file_location("solution", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
function = getattr(module, sys.argv[2])
cpu = []
with open(sys.argv[3]) as lines:
    for line in lines:
        start = time.process_time()
        function(*json.loads(line))
        cpu.append(time.process_time() - start)
print(json.dumps(cpu))
`,
);

const rows = [];
for (const problem of problems) {
  const solution = [
    join(problem.dir, 'solutions', 'plain.py'),
    join(problem.dir, 'submissions', 'accepted', 'plain-loop.py'),
  ].find((file) => existsSync(file));
  if (!solution) {
    console.log(`${problem.id.padEnd(24)} no plain Python solution: skipped`);
    continue;
  }
  const casesFile = join(work, `limits-${problem.id}.jsonl`);
  await writeFile(casesFile, problem.cases.map((c) => JSON.stringify(c.args)).join('\n') + '\n');
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const result = spawnSync(python, ['-B', bare, solution, problem.entry, casesFile], {
      encoding: 'utf8',
      env,
      maxBuffer: 1 << 24,
    });
    if (result.status !== 0) throw new Error(`${problem.id}: ${result.stderr}`);
    runs.push(JSON.parse(result.stdout));
  }
  const perCase = problem.cases.map((c, i) => ({ id: c.id, cpu: median(runs.map((r) => r[i])) }));
  const slowest = perCase.reduce((a, b) => (b.cpu > a.cpu ? b : a));
  const margin = problem.limit / slowest.cpu;
  rows.push({ id: problem.id, margin });
  console.log(
    `${problem.id.padEnd(24)} slowest ${slowest.id.padEnd(22)} ${(slowest.cpu * 1000).toFixed(0).padStart(5)} ms CPU   limit ${problem.limit} s   margin ${margin.toFixed(1)}×   (${solution.slice(problem.dir.length + 1)})`,
  );
}
console.log(
  `bench/problem-limits: median of ${RUNS} runs per case (${python}, ${env === process.env ? 'inherited' : 'clean'} environment)`,
);
const short = rows.filter((row) => row.margin < BUDGET_MARGIN);
for (const row of rows)
  console.log(
    `${row.margin >= BUDGET_MARGIN ? 'ok  ' : 'OVER'} ${row.id} margin ${row.margin.toFixed(1)}x >= ${BUDGET_MARGIN}x`,
  );
process.exitCode = short.length === 0 ? 0 : 1;
