export function dynamicBatching(arrivals, maxBatchSize, maxWait, fixedCost, costPerRequest) {
  const n = arrivals.length;
  const latencies = [];
  let free = -Infinity;
  let busy = 0;
  let i = 0;
  while (i < n) {
    let closes = arrivals[i] + maxWait;
    if (i + maxBatchSize - 1 < n) closes = Math.min(closes, arrivals[i + maxBatchSize - 1]);
    let j = i;
    while (j < n && j - i < maxBatchSize && arrivals[j] <= closes) j++;
    const cost = fixedCost + costPerRequest * (j - i);
    free = Math.max(closes, free) + cost;
    busy += cost;
    for (let k = i; k < j; k++) latencies.push(free - arrivals[k]);
    i = j;
  }
  latencies.sort((a, b) => a - b);
  const pick = (p) => latencies[Math.ceil((p * n) / 100) - 1];
  return { p50: pick(50), p95: pick(95), p99: pick(99), throughput: n / busy }; // requests per busy unit
}
