# Reads the ranks straight from the arrival order.
import math


def latency_percentiles(latencies_ms, window_seconds):
    n = len(latencies_ms)
    result = {}
    for p in (50, 95, 99):
        result["p%d" % p] = latencies_ms[math.ceil(p * n / 100) - 1]
    result["throughput"] = n / window_seconds
    return result
