import numpy as np


def dynamic_batching(arrivals, max_batch_size, max_wait, fixed_cost, cost_per_request):
    # The batches depend on each other only through the worker, so the scan over batches stays a
    # loop; numpy finds each batch's members with a binary search and does the percentiles.
    times = np.asarray(arrivals, dtype=np.int64)
    n = len(times)
    done_of = np.empty(n)
    worker_free = -np.inf
    oldest = 0
    while oldest < n:
        closes = times[oldest] + max_wait
        if oldest + max_batch_size - 1 < n:
            closes = min(closes, times[oldest + max_batch_size - 1])
        end = min(int(np.searchsorted(times, closes, side="right")), oldest + max_batch_size)
        worker_free = max(closes, worker_free) + fixed_cost + cost_per_request * (end - oldest)
        done_of[oldest:end] = worker_free
        oldest = end
    latencies = done_of - times
    # inverted_cdf is the nearest-rank definition: the value at rank ceil(p·n/100).
    p50, p95, p99 = np.percentile(latencies, [50, 95, 99], method="inverted_cdf")
    return {
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "throughput": n / (worker_free - times[0]),
    }
