import tensorflow_that_is_not_installed  # noqa: F401


def gradient_descent(x, y, learning_rate, iterations):
    return 0.0, 0.0
