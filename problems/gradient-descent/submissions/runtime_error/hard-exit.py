import os


def gradient_descent(x, y, learning_rate, iterations):
    os._exit(7)
