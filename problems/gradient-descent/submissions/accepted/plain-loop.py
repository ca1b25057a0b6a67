def gradient_descent(x, y, learning_rate, iterations):
    n = len(x)
    w, b = 0.0, 0.0
    for _ in range(iterations):
        dw = 0.0
        db = 0.0
        for xi, yi in zip(x, y):
            error = w * xi + b - yi
            dw += error * xi
            db += error
        dw = 2 * dw / n
        db = 2 * db / n
        w -= learning_rate * dw
        b -= learning_rate * db
    return w, b
