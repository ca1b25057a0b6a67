# Builds the nucleus by picking the most likely remaining token again and again: O(V) per pick,
# quadratic when the nucleus holds most of a 100 000-token vocabulary.
import math


def next_token_distribution(logits, temperature, top_k, top_p):
    s = [z / temperature for z in logits]
    m = max(s)
    e = [math.exp(v - m) for v in s]
    total = sum(e)
    p = [v / total for v in e]
    limit = top_k if 0 < top_k < len(p) else len(p)
    taken = [False] * len(p)
    kept, running = [], 0.0
    while len(kept) < limit:
        best = -1
        for i in range(len(p)):
            if not taken[i] and (best < 0 or p[i] > p[best]):
                best = i
        taken[best] = True
        kept.append(best)
        running += p[best]
        if top_p < 1 and running >= top_p:
            break
    kept_total = sum(p[i] for i in kept)
    out = [0.0] * len(p)
    for i in kept:
        out[i] = p[i] / kept_total
    return out
