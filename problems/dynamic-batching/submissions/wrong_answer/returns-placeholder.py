def dynamic_batching(arrivals, max_batch_size, max_wait, fixed_cost, cost_per_request):
    # TODO: simulate the batches, then the percentiles and the throughput.
    return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "throughput": 0.0}
