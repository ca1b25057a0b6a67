# The 1-based rank used as a 0-based index: p99's rank is n for n <= 100, one past the end.
import math


def latency_percentiles(latencies_ms, window_seconds):
    ordered = sorted(latencies_ms)
    n = len(ordered)
    return {"p50": ordered[math.ceil(50 * n / 100)], "p95": ordered[math.ceil(95 * n / 100)],
            "p99": ordered[math.ceil(99 * n / 100)], "throughput": n / window_seconds}
