# np.histogram(values, bins=edges) counts only between the first and the last edge.
import numpy as np


def drift_psi(reference, live, edges):
    def shares(values):
        counts, _ = np.histogram(values, bins=edges)
        return np.maximum(counts / len(values), 0.0001)

    e, a = shares(reference), shares(live)
    psi = float(np.sum((a - e) * np.log(a / e)))
    ref, cur = np.sort(reference), np.sort(live)
    points = np.concatenate([ref, cur])
    gaps = (np.searchsorted(ref, points, side="right") / len(ref)
            - np.searchsorted(cur, points, side="right") / len(cur))
    return {"psi": psi, "ks": float(np.max(np.abs(gaps)))}
