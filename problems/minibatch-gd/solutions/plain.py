def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    n = len(x)
    d = len(x[0])
    w = [0.0] * d
    b = 0.0
    velocity_w = [0.0] * d
    velocity_b = 0.0
    for _ in range(epochs):
        for start in range(0, n, batch_size):
            end = min(start + batch_size, n)
            m = end - start  # the last batch may be smaller: average over its own size
            grad_w = [0.0] * d
            grad_b = 0.0
            for i in range(start, end):
                row = x[i]
                prediction = b
                for j in range(d):
                    prediction += w[j] * row[j]
                error = prediction - y[i]
                for j in range(d):
                    grad_w[j] += error * row[j]
                grad_b += error
            # Both gradients come from the same (w, b); then the velocity, then the step.
            for j in range(d):
                velocity_w[j] = momentum * velocity_w[j] + 2 * grad_w[j] / m
                w[j] -= learning_rate * velocity_w[j]
            velocity_b = momentum * velocity_b + 2 * grad_b / m
            b -= learning_rate * velocity_b
    return w, b
