import math


def next_token_distribution(logits, temperature, top_k, top_p):
    vocabulary = len(logits)
    # 1-2. Temperature, then a softmax shifted by the largest scaled logit (no overflow).
    scaled = [z / temperature for z in logits]
    largest = max(scaled)
    exponentials = [math.exp(s - largest) for s in scaled]
    total = sum(exponentials)
    probabilities = [e / total for e in exponentials]
    # 3. One ranking for both filters: most likely first, ties by smaller index.
    ranking = sorted(range(vocabulary), key=lambda i: (-probabilities[i], i))
    # 4. Top-k (0 means off).
    if 0 < top_k < vocabulary:
        ranking = ranking[:top_k]
    # 5. Top-p on the softmax probabilities: keep tokens until the sum reaches p (1 means off).
    kept = ranking
    if top_p < 1:
        kept = []
        running = 0.0
        for i in ranking:
            kept.append(i)
            running += probabilities[i]
            if running >= top_p:
                break
    # 6. Renormalise once, over the tokens that survived both filters.
    kept_total = sum(probabilities[i] for i in kept)
    result = [0.0] * vocabulary
    for i in kept:
        result[i] = probabilities[i] / kept_total
    return result
