import numpy as np


def drift_psi(reference, live, edges):
    ref = np.sort(np.asarray(reference, dtype=np.float64))
    cur = np.sort(np.asarray(live, dtype=np.float64))
    cuts = np.asarray(edges, dtype=np.float64)

    # side="right" counts the edges at or below each value: its bin, 0 to k (np.histogram would
    # drop the values outside the edges and close its last bin on the right).
    def shares(values):
        counts = np.bincount(np.searchsorted(cuts, values, side="right"), minlength=len(cuts) + 1)
        return np.maximum(counts / len(values), 0.0001)

    e, a = shares(ref), shares(cur)
    psi = float(np.sum((a - e) * np.log(a / e)))

    # Both CDFs at every value of either sample; side="right" counts values at or below x.
    points = np.concatenate([ref, cur])
    gaps = np.searchsorted(ref, points, side="right") / len(ref) - np.searchsorted(
        cur, points, side="right") / len(cur)
    return {"psi": psi, "ks": float(np.max(np.abs(gaps)))}
