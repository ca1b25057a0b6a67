import sys


def gradient_descent(x, y, learning_rate, iterations):
    sys.exit(3)
