interface Report {
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
}

export function dynamicBatching(
  arrivals: number[],
  maxBatchSize: number,
  maxWait: number,
  fixedCost: number,
  costPerRequest: number,
): Report {
  const n = arrivals.length;
  const latencies = new Float64Array(n);
  let freeAt = -Infinity;
  let first = 0;
  while (first < n) {
    const deadline = arrivals[first] + maxWait;
    let end = first + 1;
    while (end < n && end - first < maxBatchSize && arrivals[end] <= deadline) end++;
    const closes = end - first === maxBatchSize ? arrivals[end - 1] : deadline;
    freeAt = Math.max(freeAt, closes) + fixedCost + costPerRequest * (end - first);
    for (let i = first; i < end; i++) latencies[i] = freeAt - arrivals[i];
    first = end;
  }
  latencies.sort(); // a Float64Array sorts numerically
  const at = (p: number) => latencies[Math.ceil((p * n) / 100) - 1];
  return { p50: at(50), p95: at(95), p99: at(99), throughput: n / (freeAt - arrivals[0]) };
}
