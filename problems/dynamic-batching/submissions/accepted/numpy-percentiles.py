# The simulation as a loop over batches; numpy sorts and picks the nearest ranks.
import numpy as np


def dynamic_batching(arrivals, max_batch_size, max_wait, fixed_cost, cost_per_request):
    n = len(arrivals)
    finish = np.empty(n)
    free = -np.inf
    i = 0
    while i < n:
        limit = min(n, i + max_batch_size)
        deadline = arrivals[i] + max_wait
        j = i + 1
        while j < limit and arrivals[j] <= deadline:
            j += 1
        closes = arrivals[j - 1] if j - i == max_batch_size else deadline
        free = max(free, closes) + fixed_cost + cost_per_request * (j - i)
        finish[i:j] = free
        i = j
    latencies = np.sort(finish - np.asarray(arrivals, dtype=np.float64))
    ranks = np.ceil(np.array([50, 95, 99]) * n / 100).astype(int)
    p50, p95, p99 = latencies[ranks - 1]
    return {"p50": p50, "p95": p95, "p99": p99, "throughput": n / (free - arrivals[0])}
