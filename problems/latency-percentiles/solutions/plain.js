export function latencyPercentiles(latenciesMs, windowSeconds) {
  // A comparator: without one, .sort() orders numbers as text (100 before 12 before 9).
  const ordered = [...latenciesMs].sort((a, b) => a - b);
  const n = ordered.length;
  const result = {};
  for (const p of [50, 95, 99]) {
    const rank = Math.ceil((p * n) / 100); // nearest rank, counted from 1
    result[`p${p}`] = ordered[rank - 1];
  }
  result.throughput = n / windowSeconds;
  return result;
}
