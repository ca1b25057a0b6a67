def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    d = len(x[0])
    weights, bias = [0.0] * d, 0.0
    # TODO: make one update per batch, ceil(n / batch_size) batches per epoch.
    return weights, bias
