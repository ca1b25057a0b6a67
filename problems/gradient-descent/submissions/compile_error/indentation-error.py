def gradient_descent(x, y, learning_rate, iterations):
    w = 0.0
      b = 0.0
    return w, b
