import numpy as np


def gradient_descent(x, y, learning_rate, iterations):
    """The same updates as the loop, each sum over the points done by numpy in one call."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(x)
    w, b = 0.0, 0.0
    for _ in range(iterations):
        error = w * x + b - y
        # error @ x is Σ eᵢ·xᵢ: the loop's sum_w, added up in C instead of Python.
        grad_w = 2 / n * float(error @ x)
        grad_b = 2 / n * float(error.sum())
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
    return w, b
