import math


def next_token_distribution(logits, temperature, top_k, top_p):
    m = max(logits)
    e = [math.exp(z - m) for z in logits]
    p = [v / sum(e) / temperature for v in e]  # the temperature divides the probabilities
    order = sorted(range(len(p)), key=lambda i: (-p[i], i))
    if 0 < top_k < len(order):
        order = order[:top_k]
    kept, running = [], 0.0
    for i in order:
        kept.append(i)
        running += p[i]
        if top_p < 1 and running >= top_p:
            break
    total = sum(p[i] for i in kept)
    out = [0.0] * len(p)
    for i in kept:
        out[i] = p[i] / total
    return out
