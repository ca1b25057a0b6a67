import numpy as np


def next_token_distribution(logits, temperature, top_k, top_p):
    s = np.asarray(logits, dtype=float) / temperature
    p = np.exp(s - s.max())
    p /= p.sum()
    order = np.argsort(p, kind="stable")[::-1]  # reversed: among equals, larger index first
    if 0 < top_k < len(order):
        order = order[:top_k]
    if top_p < 1:
        order = order[: np.searchsorted(np.cumsum(p[order]), top_p) + 1]
    out = np.zeros_like(p)
    out[order] = p[order] / p[order].sum()
    return out.tolist()
