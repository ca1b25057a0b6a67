# Driven by arrivals: an open batch is closed by its B-th request, or by its timer once a later
# request arrives after the deadline (or when the requests run out).
def dynamic_batching(arrivals, max_batch_size, max_wait, fixed_cost, cost_per_request):
    finished = []
    batch = []
    worker_free = None

    def send(closing_time):
        nonlocal worker_free
        start = closing_time if worker_free is None else max(closing_time, worker_free)
        worker_free = start + fixed_cost + cost_per_request * len(batch)
        finished.extend(worker_free - t for t in batch)
        batch.clear()

    for t in arrivals:
        if batch and t > batch[0] + max_wait:
            send(batch[0] + max_wait)
        batch.append(t)
        if len(batch) == max_batch_size:
            send(t)
    if batch:
        send(batch[0] + max_wait)

    latencies = sorted(finished)
    n = len(latencies)
    rank = lambda p: (p * n + 99) // 100  # ceil(p·n/100) in integers
    return {
        "p50": latencies[rank(50) - 1],
        "p95": latencies[rank(95) - 1],
        "p99": latencies[rank(99) - 1],
        "throughput": n / (worker_free - arrivals[0]),
    }
