# Updates after every point (SGD) instead of once per iteration.
def gradient_descent(x, y, learning_rate, iterations):
    w = b = 0.0
    for _ in range(iterations):
        for xi, yi in zip(x, y):
            error = w * xi + b - yi
            w -= learning_rate * 2 * error * xi
            b -= learning_rate * 2 * error
    return w, b
