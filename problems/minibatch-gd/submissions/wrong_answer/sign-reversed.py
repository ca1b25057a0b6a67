def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    n, d = len(x), len(x[0])
    w, b = [0.0] * d, 0.0
    vw, vb = [0.0] * d, 0.0
    for _ in range(epochs):
        for start in range(0, n, batch_size):
            end = min(start + batch_size, n)
            gw, gb = [0.0] * d, 0.0
            for i in range(start, end):
                e = b + sum(w[j] * x[i][j] for j in range(d)) - y[i]
                for j in range(d):
                    gw[j] += e * x[i][j]
                gb += e
            # the classic form's velocity with PyTorch's step
            for j in range(d):
                vw[j] = momentum * vw[j] - learning_rate * 2 * gw[j] / (end - start)
                w[j] -= vw[j]
            vb = momentum * vb - learning_rate * 2 * gb / (end - start)
            b -= vb
    return w, b
