# The textbook merge that steps one sample at a time: a value shared by both samples opens a
# gap after the first step that no x really has.
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
    i = j = 0
    d = 0.0
    while i < len(a) and j < len(b):
        if a[i] < b[j]:
            i += 1
        else:
            j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    return {"psi": psi, "ks": d}
