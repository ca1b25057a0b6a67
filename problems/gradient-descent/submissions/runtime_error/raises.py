def gradient_descent(x, y, learning_rate, iterations):
    n = len(x) - len(x)
    w = b = 0.0
    dw = sum(x) / n  # ZeroDivisionError
    return w - dw, b
