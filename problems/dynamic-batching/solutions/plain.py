def dynamic_batching(arrivals, max_batch_size, max_wait, fixed_cost, cost_per_request):
    n = len(arrivals)
    latencies = []
    worker_free = float("-inf")  # when the worker finishes its current batch
    oldest = 0  # index of the oldest request without a batch
    while oldest < n:
        # The batch closes when it is full or when its oldest request has waited max_wait.
        full = oldest + max_batch_size - 1
        closes = arrivals[oldest] + max_wait
        if full < n:
            closes = min(closes, arrivals[full])
        # Everything that arrived by then joins (a request arriving exactly then too), up to B.
        end = oldest
        while end < n and end - oldest < max_batch_size and arrivals[end] <= closes:
            end += 1
        # A closed batch waits for a busy worker; later arrivals start the next batch.
        starts = max(closes, worker_free)
        done = starts + fixed_cost + cost_per_request * (end - oldest)
        for i in range(oldest, end):
            latencies.append(done - arrivals[i])
        worker_free = done
        oldest = end
    latencies.sort()

    def nearest_rank(p):
        rank = -(-p * n // 100)  # ceil(p·n/100) in whole numbers, counted from 1
        return latencies[rank - 1]

    return {
        "p50": nearest_rank(50),
        "p95": nearest_rank(95),
        "p99": nearest_rank(99),
        "throughput": n / (worker_free - arrivals[0]),
    }
