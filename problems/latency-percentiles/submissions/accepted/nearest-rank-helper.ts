// A small helper per idea: the rank, the value at it, then the summary.
const nearestRank = (p: number, n: number): number => Math.ceil((p * n) / 100);

function percentile(sorted: readonly number[], p: number): number {
  const value = sorted[nearestRank(p, sorted.length) - 1];
  if (value === undefined) throw new Error(`no value at p${p}`);
  return value;
}

export function latencyPercentiles(latenciesMs: number[], windowSeconds: number) {
  const sorted = latenciesMs.slice().sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
  return { p50, p95, p99, throughput: latenciesMs.length / windowSeconds };
}
