def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    n, d = len(x), len(x[0])
    w, b = [0.0] * d, 0.0
    for _ in range(epochs):
        vw, vb = [0.0] * d, 0.0  # a fresh velocity every epoch
        for start in range(0, n, batch_size):
            end = min(start + batch_size, n)
            gw, gb = [0.0] * d, 0.0
            for i in range(start, end):
                e = b + sum(w[j] * x[i][j] for j in range(d)) - y[i]
                for j in range(d):
                    gw[j] += e * x[i][j]
                gb += e
            for j in range(d):
                vw[j] = momentum * vw[j] + 2 * gw[j] / (end - start)
                w[j] -= learning_rate * vw[j]
            vb = momentum * vb + 2 * gb / (end - start)
            b -= learning_rate * vb
    return w, b
