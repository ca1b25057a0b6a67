// Linear interpolation at position (n − 1)·p/100, as numpy and pandas do by default.
export function latencyPercentiles(latenciesMs, windowSeconds) {
  const s = [...latenciesMs].sort((a, b) => a - b);
  const at = (p) => {
    const position = ((s.length - 1) * p) / 100;
    const below = Math.floor(position);
    const above = Math.min(below + 1, s.length - 1);
    return s[below] + (s[above] - s[below]) * (position - below);
  };
  return { p50: at(50), p95: at(95), p99: at(99), throughput: s.length / windowSeconds };
}
