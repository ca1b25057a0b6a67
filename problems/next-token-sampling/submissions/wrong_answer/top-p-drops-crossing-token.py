import math


def next_token_distribution(logits, temperature, top_k, top_p):
    s = [z / temperature for z in logits]
    m = max(s)
    e = [math.exp(v - m) for v in s]
    p = [v / sum(e) for v in e]
    order = sorted(range(len(p)), key=lambda i: (-p[i], i))
    if top_k > 0:
        order = order[:top_k]
    kept, running = [], 0.0
    for i in order:
        if top_p < 1 and running + p[i] > top_p:  # the crossing token is left out
            break
        kept.append(i)
        running += p[i]
    kept = kept or order[:1]
    total = sum(p[i] for i in kept)
    out = [0.0] * len(p)
    for i in kept:
        out[i] = p[i] / total
    return out
