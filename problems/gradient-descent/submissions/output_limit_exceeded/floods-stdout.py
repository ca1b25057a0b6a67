def gradient_descent(x, y, learning_rate, iterations):
    while True:
        print("w = 0.0, b = 0.0, still going " * 10)
