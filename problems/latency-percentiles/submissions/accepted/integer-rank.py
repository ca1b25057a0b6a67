# The rank in integer arithmetic: (p·n + 99) // 100 is ⌈p·n/100⌉ without any float.
def latency_percentiles(latencies_ms, window_seconds):
    ordered = sorted(latencies_ms)
    n = len(ordered)

    def at_rank(p):
        return ordered[(p * n + 99) // 100 - 1]

    return {"p50": at_rank(50), "p95": at_rank(95), "p99": at_rank(99),
            "throughput": n / window_seconds}
