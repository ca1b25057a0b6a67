import math


def dynamic_batching(arrivals, max_batch_size, max_wait, fixed_cost, cost_per_request):
    n = len(arrivals)
    latencies = []
    free = float("-inf")
    i = 0
    while i < n:
        ready = arrivals[i] + max_wait
        if i + max_batch_size - 1 < n:
            ready = min(ready, arrivals[i + max_batch_size - 1])
        start = max(ready, free)
        j = i
        # takes everything that arrived before the worker could start, up to B
        while j < n and j - i < max_batch_size and arrivals[j] <= start:
            j += 1
        free = start + fixed_cost + cost_per_request * (j - i)
        latencies += [free - t for t in arrivals[i:j]]
        i = j
    latencies.sort()
    pick = lambda p: latencies[math.ceil(p * n / 100) - 1]
    return {"p50": pick(50), "p95": pick(95), "p99": pick(99),
            "throughput": n / (free - arrivals[0])}
