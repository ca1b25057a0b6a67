// "Nearest rank" read as rounding: Math.round(p·n/100) instead of rounding up.
export function latencyPercentiles(latenciesMs: number[], windowSeconds: number) {
  const ordered = [...latenciesMs].sort((a, b) => a - b);
  const n = ordered.length;
  const at = (p: number) => ordered[Math.max(Math.round((p * n) / 100), 1) - 1] as number;
  return { p50: at(50), p95: at(95), p99: at(99), throughput: n / windowSeconds };
}
