// A Float64Array sorts numerically without a comparator (unlike a plain array's .sort()).
export function latencyPercentiles(latenciesMs, windowSeconds) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const at = (p) => sorted[Math.ceil((p * sorted.length) / 100) - 1];
  return { p50: at(50), p95: at(95), p99: at(99), throughput: sorted.length / windowSeconds };
}
