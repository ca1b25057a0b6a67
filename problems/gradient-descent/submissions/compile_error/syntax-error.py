def gradient_descent(x, y, learning_rate, iterations)
    return 0.0, 0.0
