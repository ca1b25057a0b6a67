import numpy as np


def dynamic_batching(arrivals, max_batch_size, max_wait, fixed_cost, cost_per_request):
    n = len(arrivals)
    latencies = []
    free = float("-inf")
    i = 0
    while i < n:
        closes = arrivals[i] + max_wait
        if i + max_batch_size - 1 < n:
            closes = min(closes, arrivals[i + max_batch_size - 1])
        j = i
        while j < n and j - i < max_batch_size and arrivals[j] <= closes:
            j += 1
        start = max(closes, free)
        free = start + fixed_cost + cost_per_request * (j - i)
        latencies += [free - t for t in arrivals[i:j]]
        i = j
    pick = lambda p: float(np.percentile(latencies, p))  # numpy interpolates by default
    return {"p50": pick(50), "p95": pick(95), "p99": pick(99),
            "throughput": n / (free - arrivals[0])}
