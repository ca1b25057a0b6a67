def next_token_distribution(logits, temperature, top_k, top_p):
    vocabulary = len(logits)
    # TODO: temperature, softmax, top-k, top-p, renormalise.
    return [1.0 / vocabulary] * vocabulary
