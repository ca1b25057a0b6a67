def gradient_descent(x, y, learning_rate, iterations):
    """Batch gradient descent on the mean squared error, starting from w = b = 0."""
    n = len(x)
    w, b = 0.0, 0.0
    for _ in range(iterations):
        # Both gradients from the same (w, b), then one simultaneous step.
        sum_w, sum_b = 0.0, 0.0
        for xi, yi in zip(x, y):
            error = w * xi + b - yi
            sum_w += error * xi
            sum_b += error
        w, b = w - learning_rate * (2 / n) * sum_w, b - learning_rate * (2 / n) * sum_b
    return w, b
