# Right in general, wrong when n = 1 (a hidden edge case): it "fits" the one point with the
# bias alone. The judge must not reveal that case's data.
def gradient_descent(x, y, learning_rate, iterations):
    n = len(x)
    if n == 1:
        return 0.0, float(y[0])
    w = b = 0.0
    for _ in range(iterations):
        errors = [w * xi + b - yi for xi, yi in zip(x, y)]
        dw = 2 / n * sum(e * xi for e, xi in zip(errors, x))
        db = 2 / n * sum(errors)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b
