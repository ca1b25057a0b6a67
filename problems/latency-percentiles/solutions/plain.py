import math


def latency_percentiles(latencies_ms, window_seconds):
    ordered = sorted(latencies_ms)
    n = len(ordered)
    result = {}
    for p in (50, 95, 99):
        rank = math.ceil(p * n / 100)  # nearest rank, counted from 1
        result["p" + str(p)] = ordered[rank - 1]
    result["throughput"] = n / window_seconds
    return result
