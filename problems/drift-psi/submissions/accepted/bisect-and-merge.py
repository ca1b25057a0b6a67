# bisect_right for the bins; the KS walk over the merged, sorted values of both samples.
from bisect import bisect_right
from math import log


def drift_psi(reference, live, edges):
    def shares(values):
        counts = [0] * (len(edges) + 1)
        for x in values:
            counts[bisect_right(edges, x)] += 1
        return [max(c / len(values), 1e-4) for c in counts]

    psi = sum((a - e) * log(a / e) for a, e in zip(shares(live), shares(reference)))

    a, b = sorted(reference), sorted(live)
    i = j = 0
    d = 0.0
    for x in sorted(set(a) | set(b)):
        while i < len(a) and a[i] <= x:
            i += 1
        while j < len(b) and b[j] <= x:
            j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    return {"psi": psi, "ks": d}
