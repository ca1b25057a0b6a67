/**
 * What the process runner saw of one sandboxed run, and nothing more: the frames the harness
 * sent, when each call started and ended by the judge's own clock, the limit that fired, the
 * exit status and the output counts. classify.ts turns a record into outcomes; the runner makes
 * no judgement, so every crash and limit edge can be tested with a hand-made record.
 */

export type LimitReason = 'cpu' | 'wall' | 'memory' | 'output';

/** How the harness said the solution failed to load. */
export interface LoadFrame {
  type: 'compile_error' | 'load_error' | 'missing';
  kind?: 'memory' | 'runtime';
  message: string;
}

/** The harness's answer for one call. */
export type CallAnswer =
  | { type: 'result'; value: unknown }
  | { type: 'error'; kind: 'memory' | 'runtime'; message: string };

export interface RecordedCall {
  /** Missing when the run ended before the call was answered. */
  answer?: CallAnswer;
  /** From sending the case to receiving its answer (or to the end of the run). */
  wallMs: number;
  /** CPU of the whole process tree over the same span; undefined without /proc. */
  cpuMs?: number;
}

export interface CapturedOutput {
  /** The beginning of what the program printed (stdout and stderr interleaved), as received. */
  text: string;
  bytes: number;
  truncated: boolean;
}

export interface RunRecord {
  sandbox: 'full' | 'reduced';
  /** How many cases the judge meant to send. */
  caseCount: number;
  /** The harness announced itself: the runtime started inside the sandbox. */
  started: boolean;
  /** The solution loaded and the harness asked for cases. */
  ready: boolean;
  load?: LoadFrame;
  /** One entry per case sent, in order. */
  calls: RecordedCall[];
  /** The limit the judge enforced, and whether it fired while loading or during a call. */
  limit?: { reason: LimitReason; during: 'load' | 'call' };
  /** A frame that broke the protocol (forged, out of order): the program wrote to the channel. */
  protocolViolation?: string;
  exit: { code: number | null; signal: string | null };
  /** The end of what went to stderr, for a crash message. */
  stderrTail: string;
  output: CapturedOutput;
}
