# Top-k with a heap instead of a full sort; the nucleus walk then needs only the k survivors.
import heapq
import math


def next_token_distribution(logits, temperature, top_k, top_p):
    scaled = [z / temperature for z in logits]
    shift = max(scaled)
    weights = [math.exp(s - shift) for s in scaled]
    total = math.fsum(weights)
    p = [w / total for w in weights]
    # (p, −index) ranks equal probabilities by smaller index first.
    key = lambda i: (p[i], -i)
    if 0 < top_k < len(p):
        ranked = heapq.nlargest(top_k, range(len(p)), key=key)
    else:
        ranked = sorted(range(len(p)), key=key, reverse=True)
    kept = ranked
    if top_p < 1:
        mass = 0.0
        for count, i in enumerate(ranked, start=1):
            mass += p[i]
            if mass >= top_p:
                kept = ranked[:count]
                break
    norm = sum(p[i] for i in kept)
    out = [0.0] * len(p)
    for i in kept:
        out[i] = p[i] / norm
    return out
