import type {
  CallAnswer,
  CapturedOutput,
  LimitReason,
  LoadFrame,
  RecordedCall,
  RunRecord,
} from '../core/run-record.js';
import type { Readable } from 'node:stream';
import { kernelRandomBytes } from '../../shared/io/kernel-random.js';
import { startSandbox, type SandboxRequest } from './sandbox.js';
import { monotonicMs } from './clock.js';

export interface RunLimits {
  cpuMsPerCall: number;
  wallMsPerCall: number;
  /** Wall and CPU allowed for starting the runtime and loading the solution. */
  startupMs: number;
  memoryBytes: number;
  outputBytes: number;
}

export interface RecordRequest {
  sandbox: Omit<SandboxRequest, 'limits'>;
  /**
   * The first control line: what to load (file, entry, language details). It may still be in
   * the making when the sandbox starts (a TypeScript solution is bundled meanwhile): the harness
   * waits for it before it loads anything. `undefined` means there is nothing to run (the
   * solution did not compile): the run ends without learner code having run.
   */
  setup: Record<string, unknown> | Promise<Record<string, unknown> | undefined>;
  /** How many cases there are. */
  caseCount: number;
  /**
   * The control line of a case (caseLine below), asked for when it is sent (one at a time,
   * each after the previous answer), so that the caller may still be making the cases while
   * the runtime starts, or may have written their lines already.
   */
  caseLine: (index: number) => string;
  limits: RunLimits;
  /** Called when the full sandbox's set-up is complete, before the program starts. */
  onSandboxed?: () => void;
  /** Called when a call starts, for live progress in a terminal. */
  onStart?: (index: number) => void;
  /** Aborting (Ctrl-C) ends the whole sandbox at once. */
  signal?: AbortSignal;
}

/** Resolves once every stream has closed (at once for one already ended). */
function allClosed(streams: readonly Readable[]): Promise<unknown> {
  return Promise.all(
    streams.map(
      (stream) =>
        new Promise((resolve) =>
          stream.readableEnded || stream.destroyed
            ? resolve(undefined)
            : stream.once('close', resolve),
        ),
    ),
  );
}

/**
 * Resolves after the event loop has polled its descriptors at least once from now: a
 * setImmediate runs in the check phase, after the poll phase of its turn; the second one
 * runs after the poll phase of the next turn, which reads whatever the pipes hold.
 */
function aPollLater(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** What the harness reads for one call: the case's index and arguments, one JSON line. */
export function caseLine(index: number, args: readonly unknown[]): string {
  return `${JSON.stringify({ case: index, args })}\n`;
}

/** How much printed output is kept for showing back; the rest is only counted. */
const KEPT_OUTPUT_BYTES = 64 * 1024;
const POLL_MS = 25;
/** Slack on the CPU limit for /proc's 10 ms granularity and the harness's own work. */
const CPU_SLACK_MS = 100;
/** Per-process backstops for what the poll measures for the whole tree. */
const MAX_PROCESSES = 64;
const FILE_SIZE_BYTES = 64 * 2 ** 20;
/** Longest line fd 3 may hold while it waits for its end (a frame of MAX_ITEMS numbers fits). */
const MAX_FRAME_CHARS = 32 * 2 ** 20;
const PROTOCOL_FRAMES = new Set(['hello', 'compile_error', 'load_error', 'missing', 'ready']);

type Phase = 'starting' | 'loading' | 'call' | 'between' | 'done';

/**
 * Runs a harness in the sandbox and records what happened, judging nothing. The judge drives
 * the calls: it sends one case, times it by its own clock and the tree's CPU from /proc, and
 * sends the next only after the answer. Frames carry a nonce so stray bytes on fd 3 are
 * ignored; a frame with the nonce that does not fit the protocol ends the run as a violation
 * (learner code shares the harness's process and can always find the nonce; the judge therefore
 * trusts frames for return values only, never for timing or resource use).
 */
export async function recordRun(request: RecordRequest): Promise<RunRecord> {
  const { limits } = request;
  const nonce = kernelRandomBytes(18).toString('base64url');
  const callCount = request.caseCount;
  const sandbox = startSandbox({
    ...request.sandbox,
    limits: {
      cpuSeconds: ((limits.cpuMsPerCall + CPU_SLACK_MS) * callCount + limits.startupMs) / 1000 + 1,
      // Generous: runtimes reserve address space they never touch; the poll limits what is used.
      addressSpaceBytes: Math.max(2 ** 31, limits.memoryBytes * 4),
      fileSizeBytes: FILE_SIZE_BYTES,
      processes: MAX_PROCESSES,
    },
  });

  let phase: Phase = 'starting';
  let started = false;
  let ready = false;
  let load: LoadFrame | undefined;
  let limit: RunRecord['limit'];
  let protocolViolation: string | undefined;
  let ended = false;
  let exited = false;
  const calls: RecordedCall[] = [];
  let current: { sentAt: number; cpuAtSend: number | undefined } | undefined;
  // The start-up's wall clock runs from the setup line, which may wait for a TypeScript bundle:
  // the harness loads nothing before it.
  let startedAt: number | undefined;

  const end = () => {
    if (ended) return;
    ended = true;
    void sandbox.killAll();
  };
  const fire = (reason: LimitReason) => {
    if (ended) return;
    limit = { reason, during: phase === 'call' ? 'call' : 'load' };
    end();
  };
  const violate = (what: string): false => {
    if (!ended) {
      protocolViolation = what;
      end();
    }
    return false;
  };
  const onAbort = () => end();
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (request.signal?.aborted) end();

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
    if (outputBytes > limits.outputBytes) fire('output');
  };
  sandbox.stdout.on('data', (chunk: Buffer) => onOutput(chunk, false));
  sandbox.stderr.on('data', (chunk: Buffer) => onOutput(chunk, true));

  /** Sends the next case; `cpuNow`, the tree's CPU when the previous answer was read. */
  const sendNext = (cpuNow?: number) => {
    const index = calls.length;
    // A program that died after an answer gets no more cases (classify says "between calls").
    if (exited) return;
    if (index >= callCount) {
      phase = 'done';
      sandbox.control.end();
      end();
      return;
    }
    phase = 'call';
    request.onStart?.(index);
    // The tree's CPU read as the last answer came in is its CPU now: this runs straight after,
    // in the same turn, with the harness waiting for this line. One reading per call, not two,
    // of the processes the last poll found (usageOfKnown): the poll walks the whole tree.
    // The line first: one not made ahead is made now, which is the judge's time, not the call's.
    const line = request.caseLine(index);
    current = { sentAt: monotonicMs(), cpuAtSend: cpuNow ?? sandbox.usageOfKnown()?.cpuMs };
    sandbox.control.write(line);
  };
  /** Records the call in progress; returns the tree's CPU read for it. */
  const closeCall = (answer: CallAnswer | undefined): number | undefined => {
    if (!current) return undefined;
    const cpuNow = sandbox.usageOfKnown()?.cpuMs;
    calls.push({
      ...(answer ? { answer } : {}),
      wallMs: monotonicMs() - current.sentAt,
      ...(cpuNow !== undefined && current.cpuAtSend !== undefined
        ? { cpuMs: Math.max(0, cpuNow - current.cpuAtSend) }
        : {}),
    });
    current = undefined;
    return cpuNow;
  };

  // A program flooding fd 3 or fd 4 (a socket: it can write back) meets the output cap like any
  // other print; fd 4 is read only to count and drop, or a full buffer would block the program.
  // On fd 3 only what is not one of the harness's frames counts: a long list answer is no print.
  let channelBytes = 0;
  const countChannel = (length: number) => {
    channelBytes += length;
    if (channelBytes > limits.outputBytes + 4 * 2 ** 20) fire('output');
  };
  sandbox.control.on('data', (chunk: Buffer) => countChannel(chunk.length));

  // --- results: "\n<nonce> <json>\n" lines; anything without the nonce is ignored ---
  let pending = '';
  const prefix = `${nonce} `;
  sandbox.results.setEncoding('utf8');
  sandbox.results.on('data', (chunk: string) => {
    if (ended) return;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    // A frame holds at most MAX_ITEMS numbers (~6 MB); a longer unfinished line is a flood.
    if (pending.length > MAX_FRAME_CHARS) return fire('output');
    for (const line of lines) {
      if (ended) return;
      if (line === sandbox.readyLine && phase === 'starting') request.onSandboxed?.();
      if (!line.startsWith(prefix)) {
        countChannel(line.length + 1);
        continue;
      }
      let frame: Record<string, unknown>;
      try {
        frame = JSON.parse(line.slice(prefix.length)) as Record<string, unknown>;
      } catch {
        return violate('a frame that is not JSON');
      }
      if (!onFrame(frame)) countChannel(line.length + 1);
    }
  });

  const text = (value: unknown) =>
    typeof value === 'string' ? value.slice(0, 2000) : 'unknown error';

  /** Handles one frame with the nonce; true when it was one the protocol expected. */
  function onFrame(frame: Record<string, unknown>): boolean {
    const type = typeof frame.type === 'string' ? frame.type : '?';
    if (phase === 'starting') {
      if (type !== 'hello') return violate(`'${type}' before the harness started`);
      started = true;
      phase = 'loading';
      return true;
    }
    if (phase === 'loading') {
      if (type === 'ready') {
        ready = true;
        sendNext();
        return true;
      }
      if (type === 'compile_error' || type === 'load_error' || type === 'missing') {
        load = {
          type,
          ...(frame.kind === 'memory' ? { kind: 'memory' as const } : {}),
          message: text(frame.message),
        };
        end();
        return true;
      }
      return violate(`'${type}' while loading`);
    }
    if (phase === 'call' && (type === 'result' || type === 'error')) {
      if (frame.case !== calls.length) return violate(`an answer for case ${String(frame.case)}`);
      const cpuNow = closeCall(
        type === 'result'
          ? { type: 'result', value: frame.value }
          : {
              type: 'error',
              kind: frame.kind === 'memory' ? 'memory' : 'runtime',
              message: text(frame.message),
            },
      );
      if (type === 'error') {
        end();
        return true;
      }
      phase = 'between';
      sendNext(cpuNow);
      return true;
    }
    return violate(
      PROTOCOL_FRAMES.has(type) ? `a second '${type}'` : `an unexpected '${type}' frame`,
    );
  }

  // --- limits, measured from outside while it runs ---
  const poll = setInterval(() => {
    if (ended) return;
    const now = monotonicMs();
    const usage = sandbox.usage();
    if (usage && usage.residentBytes > limits.memoryBytes) return fire('memory');
    if (phase === 'call' && current) {
      if (
        usage &&
        current.cpuAtSend !== undefined &&
        usage.cpuMs - current.cpuAtSend > limits.cpuMsPerCall + CPU_SLACK_MS
      )
        return fire('cpu');
      if (now - current.sentAt > limits.wallMsPerCall) return fire('wall');
    } else if (phase === 'starting' || phase === 'loading') {
      if (usage && usage.cpuMs > limits.startupMs) return fire('cpu');
      if (startedAt !== undefined && now - startedAt > limits.startupMs) return fire('wall');
    }
  }, POLL_MS);

  void Promise.resolve(request.setup).then(
    (setup) => {
      if (ended) return;
      if (!setup) return end();
      startedAt = monotonicMs();
      sandbox.control.write(`${JSON.stringify({ ...setup, nonce })}\n`);
    },
    () => end(),
  );
  const exit = await sandbox.exited;
  exited = true;
  clearInterval(poll);
  request.signal?.removeEventListener('abort', onAbort);
  // Whatever it left behind goes now (its processes are killed already in the full sandbox).
  await sandbox.killAll();
  // Frames and output written just before the end may still be in the pipes: read them. All of
  // it is there by now, as the run's processes exited or were frozen, then killed; but a killed
  // runtime's pipes close only when the kernel has finished tearing the process down (a Node
  // runtime's memory: 5–12 ms after its sandbox's exit, traced), and a stray process may hold
  // one open. So the judge reads what the pipes hold, in a full turn of the event loop (one
  // poll of every descriptor), instead of waiting for them to close.
  await Promise.race([allClosed([sandbox.results, sandbox.stdout, sandbox.stderr]), aPollLater()]);
  ended = true;
  for (const stream of [sandbox.results, sandbox.stdout, sandbox.stderr, sandbox.control])
    stream.destroy();
  // The call in progress, if any, ended with the run.
  if ((phase as Phase) === 'call' && current) closeCall(undefined);

  const output: CapturedOutput = {
    text: Buffer.concat(kept).toString('utf8'),
    bytes: outputBytes,
    truncated: outputBytes > keptBytes,
  };
  return {
    sandbox: sandbox.kind,
    caseCount: callCount,
    started,
    ready,
    ...(load ? { load } : {}),
    calls,
    ...(limit ? { limit } : {}),
    ...(protocolViolation ? { protocolViolation } : {}),
    exit,
    stderrTail,
    output,
  };
}
