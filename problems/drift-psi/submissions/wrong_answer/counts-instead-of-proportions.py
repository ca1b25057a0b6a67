# Feeds the raw counts (floored) into the formula instead of each sample's shares.
import math
from bisect import bisect_right


def drift_psi(reference, live, edges):
    def counts(values):
        result = [0] * (len(edges) + 1)
        for x in values:
            result[bisect_right(edges, x)] += 1
        return [max(c, 0.0001) for c in result]

    psi = sum((a - e) * math.log(a / e) for a, e in zip(counts(live), counts(reference)))
    a, b = sorted(reference), sorted(live)
    i = j = 0
    d = 0.0
    while i < len(a) and j < len(b):
        x = min(a[i], b[j])
        while i < len(a) and a[i] <= x:
            i += 1
        while j < len(b) and b[j] <= x:
            j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    return {"psi": psi, "ks": d}
