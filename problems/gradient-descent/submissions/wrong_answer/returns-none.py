# Forgets the return statement.
def gradient_descent(x, y, learning_rate, iterations):
    w, b = 0.0, 0.0
    for _ in range(iterations):
        pass
