import numpy as np


def next_token_distribution(logits, temperature, top_k, top_p):
    s = np.asarray(logits, dtype=float) / temperature
    p = np.exp(s - s.max())
    p /= p.sum()
    order = np.argsort(-p, kind="stable")[:top_k]  # k = 0 keeps nothing
    if top_p < 1:
        cum = np.cumsum(p[order])
        order = order[: np.searchsorted(cum, top_p) + 1]
    out = np.zeros_like(p)
    out[order] = p[order]
    with np.errstate(invalid="ignore"):
        return (out / out.sum()).tolist()
