import numpy as np


def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    x, y = np.asarray(x, dtype=np.float32), np.asarray(y, dtype=np.float32)
    w, b = np.zeros(x.shape[1], dtype=np.float32), np.float32(0)
    vw, vb = np.zeros(x.shape[1], dtype=np.float32), np.float32(0)
    lr, mu = np.float32(learning_rate), np.float32(momentum)
    for _ in range(epochs):
        for start in range(0, len(y), batch_size):
            rows, targets = x[start:start + batch_size], y[start:start + batch_size]
            e = rows @ w + b - targets
            scale = np.float32(2 / len(targets))
            vw = mu * vw + scale * (e @ rows)
            vb = mu * vb + scale * e.sum()
            w = w - lr * vw
            b = b - lr * vb
    return [float(v) for v in w], float(b)
