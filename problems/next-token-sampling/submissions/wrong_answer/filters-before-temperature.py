import math


def softmax(values):
    m = max(values)
    e = [math.exp(v - m) for v in values]
    total = sum(e)
    return [v / total for v in e]


def next_token_distribution(logits, temperature, top_k, top_p):
    p = softmax(logits)  # the filters choose on the untempered distribution
    order = sorted(range(len(p)), key=lambda i: (-p[i], i))
    if 0 < top_k < len(order):
        order = order[:top_k]
    kept, running = [], 0.0
    for i in order:
        kept.append(i)
        running += p[i]
        if top_p < 1 and running >= top_p:
            break
    tempered = softmax([z / temperature for z in logits])
    total = sum(tempered[i] for i in kept)
    out = [0.0] * len(p)
    for i in kept:
        out[i] = tempered[i] / total
    return out
