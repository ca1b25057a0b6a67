# Needs numpy: the whole loop in float32, which drifts past 1e-6 on the long examples.
import numpy as np


def gradient_descent(x, y, learning_rate, iterations):
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    alpha = np.float32(learning_rate)
    scale = np.float32(2.0 / len(x))
    w = np.float32(0.0)
    b = np.float32(0.0)
    for _ in range(iterations):
        error = w * x + b - y
        dw = scale * np.sum(error * x, dtype=np.float32)
        db = scale * np.sum(error, dtype=np.float32)
        w = np.float32(w - alpha * dw)
        b = np.float32(b - alpha * db)
    return w, b
