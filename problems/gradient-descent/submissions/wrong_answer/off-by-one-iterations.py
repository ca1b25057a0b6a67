# range(iterations + 1): one update too many.
def gradient_descent(x, y, learning_rate, iterations):
    n = len(x)
    w = b = 0.0
    for _ in range(iterations + 1):
        errors = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = 2 / n * sum(e * xi for e, xi in zip(errors, x))
        db = 2 / n * sum(errors)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b
