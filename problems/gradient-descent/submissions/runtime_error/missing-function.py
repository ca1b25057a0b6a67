def gradientDescent(x, y, learning_rate, iterations):  # the Python name is gradient_descent
    return 0.0, 0.0
