def latency_percentiles(latencies_ms, window_seconds):
    """Nearest-rank p50, p95 and p99 of a window of latencies, and its throughput.

    latencies_ms: the latency of each request, in milliseconds, in arrival order (n >= 1)
    window_seconds: the length of the window, in seconds

    Sort a copy of the latencies in increasing order. For p in 50, 95, 99 the rank is
    ceil(p * n / 100), counted from 1, and the percentile is the latency at that rank.
    throughput = n / window_seconds, in requests per second.

    Returns a dict with exactly the keys "p50", "p95", "p99" and "throughput".
    """
    # TODO: sort, pick the value at each rank, and compute the throughput.
    return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "throughput": 0.0}
