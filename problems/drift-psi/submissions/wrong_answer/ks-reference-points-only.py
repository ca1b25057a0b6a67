# Measures the CDF gap only at the reference values.
import math
from bisect import bisect_right


def drift_psi(reference, live, edges):
    def shares(values):
        counts = [0] * (len(edges) + 1)
        for x in values:
            counts[bisect_right(edges, x)] += 1
        return [max(c / len(values), 0.0001) for c in counts]

    psi = sum((a - e) * math.log(a / e) for a, e in zip(shares(live), shares(reference)))
    a, b = sorted(reference), sorted(live)
    d = 0.0
    for x in a:
        d = max(d, abs(bisect_right(a, x) / len(a) - bisect_right(b, x) / len(b)))
    return {"psi": psi, "ks": d}
