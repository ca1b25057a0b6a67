import math

FLOOR = 0.0001


def bin_shares(values, edges):
    counts = [0] * (len(edges) + 1)
    for x in values:
        # The bin of x is the number of edges at or below it: a value on an edge goes up.
        i = 0
        while i < len(edges) and edges[i] <= x:
            i += 1
        counts[i] += 1
    return [max(c / len(values), FLOOR) for c in counts]


def ks_statistic(reference, live):
    a, b = sorted(reference), sorted(live)
    i = j = 0
    d = 0.0
    while i < len(a) and j < len(b):
        x = min(a[i], b[j])
        # Step over every copy of x in both samples before measuring: ties move together.
        while i < len(a) and a[i] <= x:
            i += 1
        while j < len(b) and b[j] <= x:
            j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    return d


def drift_psi(reference, live, edges):
    expected = bin_shares(reference, edges)
    actual = bin_shares(live, edges)
    psi = 0.0
    for a, e in zip(actual, expected):
        psi += (a - e) * math.log(a / e)
    return {"psi": psi, "ks": ks_statistic(reference, live)}
