# The ½·MSE convention: gradients without the 2.
def gradient_descent(x, y, learning_rate, iterations):
    n = len(x)
    w = b = 0.0
    for _ in range(iterations):
        errors = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = sum(e * xi for e, xi in zip(errors, x)) / n
        db = sum(errors) / n
        w -= learning_rate * dw
        b -= learning_rate * db
    return w, b
