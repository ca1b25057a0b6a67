# Throughput as 1 / mean latency: the rate of a server that handles one request at a time.
import math


def latency_percentiles(latencies_ms, window_seconds):
    ordered = sorted(latencies_ms)
    n = len(ordered)
    mean_seconds = sum(ordered) / n / 1000
    return {"p50": ordered[math.ceil(0.50 * n) - 1], "p95": ordered[math.ceil(0.95 * n) - 1],
            "p99": ordered[math.ceil(0.99 * n) - 1], "throughput": 1 / mean_seconds}
