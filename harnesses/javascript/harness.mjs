// pixel's JavaScript harness (also runs bundled TypeScript): loads the learner's ES module and
// calls its function once per case. Same protocol as harnesses/python/harness.py: lines from the
// judge on fd 4 (the setup, then one case at a time, each after the previous answer), frames
// back on fd 3 as "\n<nonce> <json>\n". The judge times every call and measures CPU and memory
// from outside; frames are trusted for return values only. stdout and stderr are the learner's.
import {
  closeSync,
  fstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const RESULTS = 3;
const CONTROL = 4;
const pause = new Int32Array(new SharedArrayBuffer(4));
const wait = () => Atomics.wait(pause, 0, 0, 1);

/** Reads one line from the judge, waiting while the pipe is empty. */
const pendingBytes = [];
function readLine() {
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    const joined = Buffer.concat(pendingBytes);
    const newline = joined.indexOf(10);
    if (newline >= 0) {
      pendingBytes.length = 0;
      if (newline + 1 < joined.length) pendingBytes.push(joined.subarray(newline + 1));
      return joined.subarray(0, newline).toString('utf8');
    }
    let count;
    try {
      count = readSync(CONTROL, buffer, 0, buffer.length, null);
    } catch (error) {
      if (error.code === 'EAGAIN') {
        wait();
        continue;
      }
      return undefined;
    }
    if (count === 0)
      return joined.length > 0 ? ((pendingBytes.length = 0), joined.toString('utf8')) : undefined;
    pendingBytes.length = 0;
    pendingBytes.push(joined, Buffer.from(buffer.subarray(0, count)));
  }
}

/** Writes everything, waiting when a non-blocking pipe is full. */
const writeAll = (fd, data) => {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      wait();
    }
  }
};

/**
 * Closes descriptors inherited from pixel's parent (Node opens its own with close-on-exec, so a
 * descriptor without that flag that is not 0-4 came from outside). Linux only; best effort.
 */
function closeInheritedDescriptors() {
  let fds;
  try {
    fds = readdirSync('/proc/self/fd').map(Number);
  } catch {
    return;
  }
  for (const fd of fds) {
    if (fd <= CONTROL) continue;
    try {
      const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'latin1'));
      if (flags && (Number.parseInt(flags[1], 8) & 0o2000000) === 0) closeSync(fd);
    } catch {
      // Gone already, or the directory's own descriptor.
    }
  }
}

const setup = JSON.parse(readLine());
const nonce = setup.nonce;
const channel = fstatSync(RESULTS);
closeInheritedDescriptors();
// Keep our own references: learner code may replace globals.
const exit = process.exit.bind(process);
const send = (frame) => {
  const current = fstatSync(RESULTS);
  if (current.ino !== channel.ino || current.dev !== channel.dev) {
    // The solution replaced fd 3 (dup2): nothing sent now could reach the judge.
    writeAll(
      2,
      Buffer.from("pixel: the solution replaced file descriptor 3, pixel's result channel\n"),
    );
    exit(120);
  }
  writeAll(RESULTS, Buffer.from(`\n${nonce} ${JSON.stringify(frame)}\n`, 'utf8'));
};
const workdir = setup.workdir;
// The learner's files, sent by the judge: the sandbox's work folder starts empty.
for (const file of setup.files ?? []) {
  const target = resolve(workdir, file.path);
  if (!target.startsWith(workdir + sep)) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, Buffer.from(file.data, 'base64'));
}
process.chdir(workdir);
send({ type: 'hello' });

// Make the learner's prints synchronous: on a pipe Node buffers them in memory until the event
// loop runs, so a print in an endless loop would never reach the judge's output limit. Done when
// the learner's code first asks for the stream (console.log asks too): building a pipe's stream
// loads node's net and stream modules, ~5 ms of every run's start, that a solution which prints
// nothing never needs.
const synchronous = (stream, fd) => {
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
  return stream;
};
for (const [fd, name] of [
  [1, 'stdout'],
  [2, 'stderr'],
]) {
  const built = Object.getOwnPropertyDescriptor(process, name);
  if (typeof built?.get !== 'function' || !built.configurable) {
    synchronous(process[name], fd);
    continue;
  }
  let stream;
  // A getter without a setter, as node's own.
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: built.enumerable,
    get: () => (stream ??= synchronous(built.get.call(process), fd)),
  });
}

const solutionPath = join(workdir, setup.solution);
const displayName = setup.display ?? setup.solution;

/** Where in the learner's files an error happened: the first frame inside the work folder. */
function learnerFrame(error) {
  for (const line of String(error?.stack ?? '').split('\n')) {
    const match = /(?:file:\/\/)?(\/[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1].startsWith('file:') ? new URL(match[1]).pathname : match[1];
    if (file.startsWith(workdir + sep))
      return { file: relative(workdir, file), line: match[2], column: match[3] };
  }
  return undefined;
}

/** "TypeError: x is not iterable (solution.js:7:13)": the learner's frame only. */
function describe(error) {
  if (!(error instanceof Error))
    return `threw ${typeof error === 'string' ? JSON.stringify(error).slice(0, 200) : String(error)}`;
  const head = `${error.name}: ${error.message}`.split('\n')[0];
  const frame = learnerFrame(error);
  const file = frame?.file === setup.solution ? displayName : frame?.file;
  return frame ? `${head} (${file}:${frame.line}:${frame.column})` : head;
}

/** The learner's JavaScript files in the work folder, the solution first. */
function javascriptFiles() {
  const others = [];
  for (const name of readdirSync(workdir, { recursive: true })) {
    if (/\.(m|c)?js$/.test(name) && join(workdir, name) !== solutionPath)
      others.push(join(workdir, name));
  }
  return [solutionPath, ...others.sort()];
}

/**
 * Node does not say where a module fails to parse; `node --check` does. It runs here, in the
 * sandbox, after the parse failed; it only parses, so no learner code runs in it.
 * node:child_process is imported only then: loading it (with net and node's streams) took ~4 ms
 * of every run's start. It is built into node, so no file the learner could have written is
 * loaded, and this process is the learner's own already (the judge trusts its frames for
 * return values only).
 */
async function locateSyntaxError(error) {
  const head = `${error.name}: ${error.message}`.split('\n')[0];
  const { spawnSync } = await import('node:child_process');
  for (const file of javascriptFiles().slice(0, 50)) {
    const check = spawnSync(process.execPath, ['--check', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 10_000,
    });
    const lines = (check.stderr ?? '').split('\n');
    const at = lines.findIndex((line) => line.startsWith(`${file}:`));
    if (at < 0) continue;
    const lineNumber = lines[at].slice(file.length + 1);
    const caret = lines[at + 2]?.indexOf('^') ?? -1;
    const name = file === solutionPath ? displayName : relative(workdir, file);
    return `${head} (${name}:${lineNumber}${caret >= 0 ? `:${caret + 1}` : ''})`;
  }
  return `${head} (in ${displayName} or a module it imports)`;
}

let current = -1;
const fail = (error) => {
  if (current >= 0)
    send({ type: 'error', case: current, kind: 'runtime', message: describe(error) });
  else send({ type: 'load_error', kind: 'runtime', message: describe(error) });
  exit(0);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const MAX_ITEMS = 200_000; // src/judge/core/returned-value.ts

function describeValue(value, depth) {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { t: 'num', v: 'NaN' };
    if (!Number.isFinite(value)) return { t: 'num', v: value > 0 ? 'Infinity' : '-Infinity' };
    return { t: 'num', v: value };
  }
  if (typeof value === 'boolean') return { t: 'bool' };
  if (typeof value === 'string') return { t: 'str' };
  if (value === null || value === undefined) return { t: 'none' };
  if (value instanceof Number) return describeValue(value.valueOf(), depth);
  const type = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
  if (depth >= 4) return { t: 'other', type };
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value.length > MAX_ITEMS ? value.slice(0, MAX_ITEMS) : value);
    return {
      t: 'seq',
      n: value.length,
      items: items.map((item) => describeValue(item, depth + 1)),
    };
  }
  if (value instanceof Map) {
    return {
      t: 'map',
      entries: [...value]
        .slice(0, 256)
        .map(([key, item]) => [String(key), describeValue(item, depth + 1)]),
    };
  }
  const prototype = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    return {
      t: 'map',
      entries: Object.entries(value)
        .slice(0, 256)
        .map(([key, item]) => [key, describeValue(item, depth + 1)]),
    };
  }
  return { t: 'other', type };
}

let module;
try {
  module = await import(pathToFileURL(solutionPath).href);
} catch (error) {
  // A parse failure has no learner frame (nothing ran); a SyntaxError thrown by running code has.
  if (error instanceof SyntaxError && !learnerFrame(error)) {
    send({ type: 'compile_error', message: await locateSyntaxError(error) });
  } else if (error instanceof RangeError && /memory|allocation/i.test(String(error.message))) {
    send({ type: 'load_error', kind: 'memory', message: describe(error) });
  } else {
    send({ type: 'load_error', kind: 'runtime', message: describe(error) });
  }
  exit(0);
}
const fn = module[setup.entry] ?? module.default?.[setup.entry];
if (typeof fn !== 'function') {
  send({
    type: 'missing',
    message: `${displayName} does not export a function ${setup.entry}(...)`,
  });
  exit(0);
}
send({ type: 'ready' });

for (let line = readLine(); line !== undefined; line = readLine()) {
  const request = JSON.parse(line);
  current = request.case;
  let value;
  try {
    value = await fn(...request.args);
  } catch (error) {
    const memory = error instanceof RangeError && /allocation|out of memory/i.test(error.message);
    send({
      type: 'error',
      case: current,
      kind: memory ? 'memory' : 'runtime',
      message: describe(error),
    });
    exit(0);
  }
  send({ type: 'result', case: current, value: describeValue(value, 0) });
}
// Wait for the judge to end the run, so what the solution started is still in our tree; the
// timeout only guards against a vanished judge.
setTimeout(() => exit(0), 30_000);
