import math


def next_token_distribution(logits, temperature, top_k, top_p):
    s = [z / temperature for z in logits]
    m = max(s)
    e = [math.exp(v - m) for v in s]
    p = [v / sum(e) for v in e]
    order = sorted(range(len(p)), key=lambda i: (-p[i], i))
    if 0 < top_k < len(order):
        order = order[:top_k]
        # renormalise the survivors before top-p, as a chain of logits processors does
        mass = sum(p[i] for i in order)
        p = [v / mass for v in p]
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
