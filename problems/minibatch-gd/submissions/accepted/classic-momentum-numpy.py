# The other textbook form of momentum, v ← μ·v − α·g then θ ← θ + v: the same numbers.
import numpy as np


def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.zeros(x.shape[1])
    b = 0.0
    vw = np.zeros_like(w)
    vb = 0.0
    for _ in range(epochs):
        for start in range(0, len(y), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            e = xb @ w + b - yb
            vw = momentum * vw - learning_rate * (2.0 / len(yb)) * (xb.T @ e)
            vb = momentum * vb - learning_rate * (2.0 / len(yb)) * e.sum()
            w = w + vw
            b = b + vb
    return w, b
