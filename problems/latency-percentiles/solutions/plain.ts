export function latencyPercentiles(
  latenciesMs: number[],
  windowSeconds: number,
): { p50: number; p95: number; p99: number; throughput: number } {
  // A comparator: without one, .sort() orders numbers as text (100 before 12 before 9).
  const ordered = [...latenciesMs].sort((a, b) => a - b);
  const n = ordered.length;
  // Nearest rank ⌈p·n/100⌉, counted from 1.
  const percentile = (p: number): number => ordered[Math.ceil((p * n) / 100) - 1] as number;
  return {
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    throughput: n / windowSeconds,
  };
}
