# Needs numpy: returns numpy float64 scalars inside a numpy array, which count as numbers.
import numpy as np


def gradient_descent(x, y, learning_rate, iterations):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(x)
    w = np.float64(0.0)
    b = np.float64(0.0)
    for _ in range(iterations):
        error = w * x + b - y
        dw = 2.0 / n * np.dot(error, x)
        db = 2.0 / n * np.sum(error)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return np.array([w, b])
