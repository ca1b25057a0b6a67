class Worker {
  freeAt = -Infinity;

  /** Runs a batch that closed at `closes`; returns when it finishes. */
  run(closes, cost) {
    this.freeAt = Math.max(this.freeAt, closes) + cost;
    return this.freeAt;
  }
}

const nearestRank = (sorted, p) => sorted[Math.ceil((p * sorted.length) / 100) - 1];

export function dynamicBatching(arrivals, maxBatchSize, maxWait, fixedCost, costPerRequest) {
  const worker = new Worker();
  const latencies = [];
  for (let first = 0; first < arrivals.length; ) {
    const last = Math.min(arrivals.length, first + maxBatchSize) - 1;
    const full = last - first + 1 === maxBatchSize && arrivals[last] <= arrivals[first] + maxWait;
    const closes = full ? arrivals[last] : arrivals[first] + maxWait;
    let end = first;
    while (end <= last && arrivals[end] <= closes) end++;
    const done = worker.run(closes, fixedCost + costPerRequest * (end - first));
    for (let i = first; i < end; i++) latencies.push(done - arrivals[i]);
    first = end;
  }
  latencies.sort((a, b) => a - b);
  return {
    p50: nearestRank(latencies, 50),
    p95: nearestRank(latencies, 95),
    p99: nearestRank(latencies, 99),
    throughput: arrivals.length / (worker.freeAt - arrivals[0]),
  };
}
