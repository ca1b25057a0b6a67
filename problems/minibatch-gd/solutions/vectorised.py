import numpy as np


def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = x.shape
    w = np.zeros(d)
    b = 0.0
    velocity_w = np.zeros(d)
    velocity_b = 0.0
    for _ in range(epochs):
        for start in range(0, n, batch_size):
            rows, targets = x[start:start + batch_size], y[start:start + batch_size]
            m = len(targets)  # the last batch may be smaller: average over its own size
            errors = rows @ w + b - targets
            velocity_w = momentum * velocity_w + (2.0 / m) * (errors @ rows)
            velocity_b = momentum * velocity_b + (2.0 / m) * float(errors.sum())
            w = w - learning_rate * velocity_w
            b -= learning_rate * velocity_b
    return w.tolist(), b
