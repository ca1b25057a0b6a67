import { randomBytes } from 'node:crypto';
import { parseReturnedValue } from '../../core/judge/returned-value.js';
import type { CallOutcome } from '../../core/judge/verdict.js';
import { startSandbox, type Containment, type OsLimits } from './sandbox.js';

/** How one run of a harness ended before any call: the solution did not load. */
export type LoadFailure =
  | { kind: 'compile'; message: string }
  | { kind: 'runtime' | 'missing' | 'died'; message: string }
  | { kind: 'killed'; reason: 'cpu' | 'wall' | 'memory' | 'output' }
  | { kind: 'memory'; message: string };

export interface CapturedOutput {
  /** The beginning of what the program printed (stdout and stderr interleaved), as received. */
  text: string;
  bytes: number;
  truncated: boolean;
}

export interface HarnessRun {
  load?: LoadFailure;
  /** One outcome per call that started, in case order. */
  calls: CallOutcome[];
  output: CapturedOutput;
}

export interface HarnessLimits {
  cpuMsPerCall: number;
  wallMsPerCall: number;
  startupMs: number;
  memoryBytes: number;
  outputBytes: number;
}

export interface HarnessRequest {
  /** PID namespace when available (see sandbox.ts), else the process-group and token sweep. */
  containment: Containment;
  command: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /** Sent on fd 4 together with the nonce; must include `cases` (argument lists). */
  payload: Record<string, unknown> & { cases: unknown[][] };
  limits: HarnessLimits;
  /** Called when a call starts (for live progress in a terminal). */
  onStart?: (index: number) => void;
  /** Called as each call finishes; returning 'stop' ends the run early (first failure decides). */
  onCall?: (index: number, outcome: CallOutcome) => 'continue' | 'stop';
}

/** How much printed output is kept for showing back; the rest is only counted. */
const KEPT_OUTPUT_BYTES = 64 * 1024;
const POLL_MS = 25;
/** Slack on the CPU limit for /proc's 10 ms granularity and the harness's own work. */
const CPU_SLACK_MS = 100;

type KillReason = 'cpu' | 'wall' | 'memory' | 'output';

/**
 * Runs a language harness in the sandbox. The child is spawned synchronously, before the first
 * await, so the caller can do its own work (computing expected values) while the runtime boots.
 * and turns what happens into call outcomes, enforcing
 * per-call CPU (from /proc), wall-clock, memory (resident size) and output limits while it runs.
 * Results are read only from frames carrying this run's nonce on fd 3.
 */
export async function runHarness(request: HarnessRequest): Promise<HarnessRun> {
  const { limits } = request;
  const nonce = randomBytes(18).toString('base64url');
  const callCount = request.payload.cases.length;
  const osLimits: OsLimits = {
    cpuSeconds: ((limits.cpuMsPerCall + CPU_SLACK_MS) * callCount + limits.startupMs) / 1000 + 1,
    addressSpaceMiB: Math.max(2048, (limits.memoryBytes / 2 ** 20) * 4),
    fileSizeMiB: 64,
  };
  const sandbox = startSandbox({
    containment: request.containment,
    command: request.command,
    args: request.args,
    cwd: request.cwd,
    env: request.env,
    limits: osLimits,
  });

  const calls: CallOutcome[] = [];
  let load: LoadFailure | undefined;
  let ready = false;
  let finished = false;
  let stopped = false;
  let killedFor: KillReason | undefined;
  let current: { index: number; startedAt: number; cpuAtStart: number | undefined } | undefined;
  const startedAt = performance.now();

  // --- output: kept up to a point, counted always, over the cap ends the run ---
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let outputBytes = 0;
  let stderrTail = '';
  const onOutput = (chunk: Buffer, isStderr: boolean) => {
    outputBytes += chunk.length;
    if (keptBytes < KEPT_OUTPUT_BYTES) {
      const slice = chunk.subarray(0, KEPT_OUTPUT_BYTES - keptBytes);
      kept.push(slice);
      keptBytes += slice.length;
    }
    if (isStderr) stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4096);
    if (outputBytes > limits.outputBytes) kill('output');
  };
  sandbox.stdout.on('data', (chunk: Buffer) => onOutput(chunk, false));
  sandbox.stderr.on('data', (chunk: Buffer) => onOutput(chunk, true));

  const kill = (reason: KillReason | 'stop') => {
    if (killedFor || stopped || finished) return;
    if (reason === 'stop') stopped = true;
    else killedFor = reason;
    void sandbox.killAll();
  };

  // --- results: "\n<nonce> <json>\n" lines; anything else on fd 3 is ignored ---
  let pending = '';
  const prefix = `${nonce} `;
  sandbox.results.setEncoding('utf8');
  // The harness's own frames are small; a program writing floods to fd 3 hits the output cap
  // like any other print.
  let channelChars = 0;
  const channelCap = limits.outputBytes + 4 * 2 ** 20;
  sandbox.results.on('data', (chunk: string) => {
    channelChars += chunk.length;
    if (channelChars > channelCap) return kill('output');
    pending += chunk;
    const lines = pending.split('\n');
    pending = (lines.pop() ?? '').slice(-1_000_000);
    for (const line of lines) {
      if (!line.startsWith(prefix)) continue;
      let frame: Record<string, unknown>;
      try {
        frame = JSON.parse(line.slice(prefix.length)) as Record<string, unknown>;
      } catch {
        continue;
      }
      handleFrame(frame);
    }
  });

  const messageOf = (frame: Record<string, unknown>) =>
    typeof frame.message === 'string' ? frame.message.slice(0, 2000) : 'unknown error';

  const finishCall = (outcome: CallOutcome) => {
    const index = calls.length;
    calls.push(outcome);
    current = undefined;
    if (request.onCall?.(index, outcome) === 'stop') kill('stop');
  };

  function handleFrame(frame: Record<string, unknown>) {
    if (finished || killedFor || stopped) return;
    switch (frame.type) {
      case 'compile_error':
        if (!ready) load ??= { kind: 'compile', message: messageOf(frame) };
        return;
      case 'load_error':
        if (!ready)
          load ??=
            frame.kind === 'memory'
              ? { kind: 'memory', message: messageOf(frame) }
              : { kind: 'runtime', message: messageOf(frame) };
        return;
      case 'missing':
        if (!ready) load ??= { kind: 'missing', message: messageOf(frame) };
        return;
      case 'ready':
        ready = true;
        return;
      case 'start':
        if (ready && !current && frame.case === calls.length) {
          request.onStart?.(calls.length);
          current = {
            index: calls.length,
            startedAt: performance.now(),
            cpuAtStart: sandbox.cpuMs(),
          };
        }
        return;
      case 'result': {
        if (!current || frame.case !== current.index) return;
        const value = parseReturnedValue(frame.value);
        const wallMs =
          typeof frame.wallMs === 'number' ? frame.wallMs : performance.now() - current.startedAt;
        const cpuMs = typeof frame.cpuMs === 'number' ? frame.cpuMs : 0;
        finishCall(
          value
            ? { status: 'returned', value, cpuMs, wallMs }
            : { status: 'died', message: 'the returned value could not be read', wallMs },
        );
        return;
      }
      case 'error': {
        if (!current || frame.case !== current.index) return;
        const wallMs =
          typeof frame.wallMs === 'number' && frame.wallMs > 0
            ? frame.wallMs
            : performance.now() - current.startedAt;
        finishCall({
          status: 'raised',
          kind: frame.kind === 'memory' ? 'memory' : 'runtime',
          message: messageOf(frame),
          wallMs,
        });
        return;
      }
      case 'done':
        // The harness waits to be killed, so what it started is still in its tree to sweep.
        finished = true;
        void sandbox.killAll();
        return;
    }
  }

  // --- limits while running ---
  const poll = setInterval(() => {
    const now = performance.now();
    const resident = sandbox.residentBytes();
    if (resident !== undefined && resident > limits.memoryBytes) return kill('memory');
    if (current) {
      const cpu = sandbox.cpuMs();
      if (
        cpu !== undefined &&
        current.cpuAtStart !== undefined &&
        cpu - current.cpuAtStart > limits.cpuMsPerCall + CPU_SLACK_MS
      )
        return kill('cpu');
      if (now - current.startedAt > limits.wallMsPerCall) return kill('wall');
    } else if (!ready && now - startedAt > limits.startupMs) {
      return kill('wall');
    } else if (
      ready &&
      !finished &&
      calls.length < callCount &&
      now - startedAt > limits.startupMs + limits.wallMsPerCall * (calls.length + 1)
    ) {
      // Between calls the harness never idles; a stall here is the learner's doing.
      return kill('wall');
    }
  }, POLL_MS);

  sandbox.control.end(JSON.stringify({ ...request.payload, nonce }));
  const exit = await sandbox.exited;
  clearInterval(poll);
  // Whatever it left behind (detached grandchildren, daemons) goes now.
  await sandbox.killAll();
  // Drain what is still buffered in the pipes, but never wait on a pipe a stray process holds.
  await Promise.race([
    Promise.all(
      [sandbox.results, sandbox.stdout, sandbox.stderr].map(
        (stream) =>
          new Promise((resolve) =>
            stream.readableEnded || stream.destroyed
              ? resolve(undefined)
              : stream.once('close', resolve),
          ),
      ),
    ),
    new Promise((resolve) => setTimeout(resolve, 500)),
  ]);
  for (const stream of [sandbox.results, sandbox.stdout, sandbox.stderr]) stream.destroy();

  const output: CapturedOutput = {
    text: Buffer.concat(kept).toString('utf8'),
    bytes: outputBytes,
    truncated: outputBytes > keptBytes,
  };
  if (stopped || finished || load) return { load, calls, output };

  // The run ended early: say why, for the call in progress or for the load.
  const memoryHint = /out of memory|MemoryError|Cannot allocate memory|std::bad_alloc/i.test(
    stderrTail,
  );
  const reason: KillReason | undefined =
    killedFor ?? (exit.signal === 'SIGXCPU' ? 'cpu' : memoryHint ? 'memory' : undefined);
  const elapsed = current ? performance.now() - current.startedAt : 0;
  if (!ready) {
    return {
      load: reason
        ? { kind: 'killed', reason }
        : { kind: 'died', message: describeExit(exit, 'while loading', stderrTail) },
      calls,
      output,
    };
  }
  if (current) {
    calls.push(
      reason
        ? { status: 'killed', reason, wallMs: elapsed }
        : {
            status: 'died',
            message: describeExit(exit, 'during the call', stderrTail),
            wallMs: elapsed,
          },
    );
  } else if (calls.length < callCount) {
    calls.push(
      reason
        ? { status: 'killed', reason, wallMs: 0 }
        : { status: 'died', message: describeExit(exit, 'between calls', stderrTail), wallMs: 0 },
    );
  }
  return { load, calls, output };
}

function describeExit(
  exit: { code: number | null; signal: NodeJS.Signals | null },
  when: string,
  stderrTail: string,
): string {
  if (exit.signal === 'SIGXFSZ') return `wrote a file larger than the limit ${when}`;
  if (exit.signal) return `the program was killed by ${exit.signal} ${when}`;
  const lastLine = stderrTail.trim().split('\n').pop()?.slice(0, 300);
  if (exit.code === 0) {
    return `the program stopped ${when} without returning (did it call exit(), or close the judge's channel?)`;
  }
  return `the program exited with code ${exit.code ?? '?'} ${when}${lastLine ? `: ${lastLine}` : ''}`;
}
