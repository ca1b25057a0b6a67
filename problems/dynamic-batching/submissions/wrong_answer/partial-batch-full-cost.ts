export function dynamicBatching(
  arrivals: number[],
  maxBatchSize: number,
  maxWait: number,
  fixedCost: number,
  costPerRequest: number,
): { p50: number; p95: number; p99: number; throughput: number } {
  const n = arrivals.length;
  const latencies: number[] = [];
  let free = -Infinity;
  let i = 0;
  while (i < n) {
    let closes = arrivals[i] + maxWait;
    if (i + maxBatchSize - 1 < n) closes = Math.min(closes, arrivals[i + maxBatchSize - 1]);
    let j = i;
    while (j < n && j - i < maxBatchSize && arrivals[j] <= closes) j++;
    free = Math.max(closes, free) + fixedCost + costPerRequest * maxBatchSize; // always a full batch
    for (let k = i; k < j; k++) latencies.push(free - arrivals[k]);
    i = j;
  }
  latencies.sort((a, b) => a - b);
  const pick = (p: number) => latencies[Math.ceil((p * n) / 100) - 1];
  return { p50: pick(50), p95: pick(95), p99: pick(99), throughput: n / (free - arrivals[0]) };
}
