def gradient_descent(x, y, learning_rate, iterations):
    """Fit y ≈ w·x + b by batch gradient descent on the mean squared error.

    x, y: lists of floats of the same length n (n >= 1)
    learning_rate: the step size α
    iterations: the exact number of updates

    Start at w = 0, b = 0. In every update compute both gradients from the same (w, b):
        dw = (2/n)·Σ (w·xᵢ + b − yᵢ)·xᵢ
        db = (2/n)·Σ (w·xᵢ + b − yᵢ)
    then w ← w − α·dw and b ← b − α·db.

    Returns (w, b) as a tuple of two numbers.
    """
    w, b = 0.0, 0.0
    # TODO: make exactly `iterations` updates of w and b.
    return w, b
