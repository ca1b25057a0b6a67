// pixel's JavaScript harness (also runs transpiled TypeScript): loads the learner's ES module and
// calls its function once per case. Same protocol as harnesses/python/harness.py: the payload
// (with the nonce) arrives on fd 4 and is closed before learner code loads; results leave on
// fd 3 as "\n<nonce> <json>\n" lines; stdout and stderr are the learner's own.
import { closeSync, readFileSync, writeSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const payload = JSON.parse(readFileSync(4, 'utf8'));
closeSync(4);
const nonce = payload.nonce;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** Writes everything, waiting when a non-blocking pipe is full. */
const writeAll = (fd, data) => {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
};
const send = (frame) => writeAll(3, Buffer.from(`\n${nonce} ${JSON.stringify(frame)}\n`, 'utf8'));
// Keep our own references: learner code may replace globals.
const exit = process.exit.bind(process);
const now = () => performance.now();
const cpuNow = () => {
  const usage = cpuUsage();
  return (usage.user + usage.system) / 1000;
};

// Make the learner's prints synchronous: on a pipe Node buffers them in memory until the event
// loop runs, so a print in an endless loop would never reach the judge's output limit.
for (const [fd, stream] of [
  [1, process.stdout],
  [2, process.stderr],
]) {
  stream.write = (chunk, encoding, callback) => {
    const data =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
        : Buffer.from(chunk);
    try {
      writeAll(fd, data);
    } catch {
      // A closed stdout is the learner's business, not a judge failure.
    }
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}

const solutionUrl = pathToFileURL(payload.solution).href;
const displayName = payload.filename;

/** "TypeError: x is not iterable (solution.js:7:13)": the learner's frame only. */
function describe(error) {
  if (!(error instanceof Error))
    return `threw ${typeof error === 'string' ? JSON.stringify(error).slice(0, 200) : String(error)}`;
  const head = `${error.name}: ${error.message}`.split('\n')[0];
  const frame = String(error.stack ?? '')
    .split('\n')
    .find((line) => line.includes(solutionUrl) || line.includes(payload.solution));
  const location = frame?.match(/:(\d+):(\d+)\)?\s*$/);
  return location ? `${head} (${displayName}:${location[1]}:${location[2]})` : head;
}

let current = -1;
const fail = (error) => {
  if (current >= 0)
    send({ type: 'error', case: current, kind: 'runtime', message: describe(error), wallMs: 0 });
  else send({ type: 'load_error', kind: 'runtime', message: describe(error) });
  exit(0);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

function describeValue(value, depth) {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { t: 'num', v: 'NaN' };
    if (!Number.isFinite(value)) return { t: 'num', v: value > 0 ? 'Infinity' : '-Infinity' };
    return { t: 'num', v: value };
  }
  if (typeof value === 'boolean') return { t: 'bool' };
  if (typeof value === 'string') return { t: 'str' };
  if (value === null || value === undefined) return { t: 'none' };
  if (depth < 4 && (Array.isArray(value) || ArrayBuffer.isView(value))) {
    const items = Array.from(value).slice(0, 16);
    return {
      t: 'seq',
      n: value.length,
      items: items.map((item) => describeValue(item, depth + 1)),
    };
  }
  if (value instanceof Number) return describeValue(value.valueOf(), depth);
  return {
    t: 'other',
    type: typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value,
  };
}

let module;
try {
  module = await import(solutionUrl);
} catch (error) {
  if (error instanceof SyntaxError) {
    send({ type: 'compile_error', message: describe(error) });
  } else if (error instanceof RangeError && /memory|allocation/i.test(String(error.message))) {
    send({ type: 'load_error', kind: 'memory', message: describe(error) });
  } else {
    send({ type: 'load_error', kind: 'runtime', message: describe(error) });
  }
  exit(0);
}
const fn = module[payload.entry] ?? module.default?.[payload.entry];
if (typeof fn !== 'function') {
  send({
    type: 'missing',
    message: `${displayName} does not export a function ${payload.entry}(...)`,
  });
  exit(0);
}
send({ type: 'ready' });

for (const [index, args] of payload.cases.entries()) {
  current = index;
  send({ type: 'start', case: index });
  const cpuStart = cpuNow();
  const wallStart = now();
  let value;
  try {
    value = await fn(...args);
  } catch (error) {
    const memory = error instanceof RangeError && /allocation|out of memory/i.test(error.message);
    send({
      type: 'error',
      case: index,
      kind: memory ? 'memory' : 'runtime',
      message: describe(error),
      wallMs: now() - wallStart,
    });
    exit(0);
  }
  const wallMs = now() - wallStart;
  const cpuMs = cpuNow() - cpuStart;
  send({ type: 'result', case: index, value: describeValue(value, 0), cpuMs, wallMs });
}
send({ type: 'done' });
// Wait for the judge to kill us, so what the solution started is still in our tree to sweep;
// the timeout only guards against a vanished judge.
setTimeout(() => exit(0), 30_000);
