# Forgets to divide by n.
def gradient_descent(x, y, learning_rate, iterations):
    w = b = 0.0
    for _ in range(iterations):
        errors = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = 2 * sum(e * xi for e, xi in zip(errors, x))
        db = 2 * sum(errors)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b
