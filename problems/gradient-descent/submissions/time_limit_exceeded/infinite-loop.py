def gradient_descent(x, y, learning_rate, iterations):
    w = b = 0.0
    while True:  # forgot to count the iterations
        w -= learning_rate * 0.0
    return w, b
