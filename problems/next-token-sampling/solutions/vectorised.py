import numpy as np


def next_token_distribution(logits, temperature, top_k, top_p):
    scaled = np.asarray(logits, dtype=np.float64) / temperature
    exponentials = np.exp(scaled - scaled.max())
    probabilities = exponentials / exponentials.sum()
    # A stable sort of −p ranks the most likely first and keeps equal ones in index order.
    ranking = np.argsort(-probabilities, kind="stable")
    if 0 < top_k < len(ranking):
        ranking = ranking[:top_k]
    if top_p < 1:
        running = np.cumsum(probabilities[ranking])
        # The first position whose running sum reaches p is the last token kept.
        last = int(np.searchsorted(running, top_p, side="left"))
        ranking = ranking[: last + 1]
    result = np.zeros_like(probabilities)
    result[ranking] = probabilities[ranking] / probabilities[ranking].sum()
    return result.tolist()
