import numpy as np


def latency_percentiles(latencies_ms, window_seconds):
    values = np.asarray(latencies_ms, dtype=np.float64)
    # 'inverted_cdf' is the nearest-rank method; numpy's default ('linear') interpolates.
    p50, p95, p99 = np.percentile(values, [50, 95, 99], method="inverted_cdf")
    return {"p50": float(p50), "p95": float(p95), "p99": float(p99),
            "throughput": len(values) / window_seconds}
