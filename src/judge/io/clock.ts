/**
 * Milliseconds on the monotonic clock, for the judge's timings. Not `performance.now()`: its
 * first use loads node's perf_hooks, ~1.1 ms of every judging's start.
 */
export function monotonicMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}
