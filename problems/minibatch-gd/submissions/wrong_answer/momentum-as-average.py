import numpy as np


def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b = np.zeros(x.shape[1]), 0.0
    vw, vb = np.zeros(x.shape[1]), 0.0
    for _ in range(epochs):
        for start in range(0, len(y), batch_size):
            rows, targets = x[start:start + batch_size], y[start:start + batch_size]
            e = rows @ w + b - targets
            # an exponential moving average of the gradients
            vw = momentum * vw + (1 - momentum) * (2 / len(targets)) * (e @ rows)
            vb = momentum * vb + (1 - momentum) * (2 / len(targets)) * e.sum()
            w = w - learning_rate * vw
            b = b - learning_rate * vb
    return w.tolist(), float(b)
