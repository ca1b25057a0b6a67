# b's gradient is computed after w has already moved.
def gradient_descent(x, y, learning_rate, iterations):
    n = len(x)
    w = b = 0.0
    for _ in range(iterations):
        dw = 2 / n * sum((w * xi + b - yi) * xi for xi, yi in zip(x, y))
        w -= learning_rate * dw
        db = 2 / n * sum(w * xi + b - yi for xi, yi in zip(x, y))
        b -= learning_rate * db
    return w, b
