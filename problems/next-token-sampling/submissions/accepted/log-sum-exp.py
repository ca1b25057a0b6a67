# Probabilities from log-probabilities: log p = s − logsumexp(s), the form most libraries use.
import math


def next_token_distribution(logits, temperature, top_k, top_p):
    s = [z / temperature for z in logits]
    m = max(s)
    log_total = m + math.log(sum(math.exp(v - m) for v in s))
    p = [math.exp(v - log_total) for v in s]
    order = sorted(range(len(p)), key=lambda i: -p[i])  # sorted() is stable: ties keep index order
    if top_k:
        order = order[:top_k]
    if top_p < 1:
        running = 0.0
        for position, i in enumerate(order):
            running += p[i]
            if running >= top_p:
                order = order[:position + 1]
                break
    keep = set(order)
    kept_mass = sum(p[i] for i in keep)
    return [p[i] / kept_mass if i in keep else 0.0 for i in range(len(p))]
