/**
 * One worker with dynamic batching: p50/p95/p99 latency by nearest rank, and throughput.
 *
 * @param {number[]} arrivals arrival times, increasing
 * @param {number} maxBatchSize B
 * @param {number} maxWait T
 * @param {number} fixedCost a
 * @param {number} costPerRequest b (a batch of k takes a + b·k)
 * @returns {{ p50: number, p95: number, p99: number, throughput: number }}
 */
export function dynamicBatching(arrivals, maxBatchSize, maxWait, fixedCost, costPerRequest) {
  const n = arrivals.length;
  const latencies = [];
  let workerFree = -Infinity; // when the worker finishes its current batch
  let oldest = 0; // index of the oldest request without a batch
  while (oldest < n) {
    // The batch closes when it is full or when its oldest request has waited maxWait.
    const full = oldest + maxBatchSize - 1;
    let closes = arrivals[oldest] + maxWait;
    if (full < n) closes = Math.min(closes, arrivals[full]);
    // Everything that arrived by then joins (a request arriving exactly then too), up to B.
    let end = oldest;
    while (end < n && end - oldest < maxBatchSize && arrivals[end] <= closes) end++;
    // A closed batch waits for a busy worker; later arrivals start the next batch.
    const starts = Math.max(closes, workerFree);
    const done = starts + fixedCost + costPerRequest * (end - oldest);
    for (let i = oldest; i < end; i++) latencies.push(done - arrivals[i]);
    workerFree = done;
    oldest = end;
  }
  latencies.sort((a, b) => a - b);
  // The value at rank ⌈p·n/100⌉, counted from 1 (p·n is a whole number, so this is exact).
  const nearestRank = (p) => latencies[Math.ceil((p * n) / 100) - 1];
  return {
    p50: nearestRank(50),
    p95: nearestRank(95),
    p99: nearestRank(99),
    throughput: n / (workerFree - arrivals[0]),
  };
}
