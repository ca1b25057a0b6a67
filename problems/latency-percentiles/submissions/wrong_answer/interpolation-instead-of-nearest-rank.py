# numpy's default percentile interpolates between neighbours.
import numpy as np


def latency_percentiles(latencies_ms, window_seconds):
    p50, p95, p99 = np.percentile(latencies_ms, [50, 95, 99])
    return {"p50": p50, "p95": p95, "p99": p99, "throughput": len(latencies_ms) / window_seconds}
