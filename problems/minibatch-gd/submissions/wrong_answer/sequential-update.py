def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    n, d = len(x), len(x[0])
    w, b = [0.0] * d, 0.0
    vw, vb = [0.0] * d, 0.0

    def errors(rows):
        return [b + sum(w[j] * x[i][j] for j in range(d)) - y[i] for i in rows]

    for _ in range(epochs):
        for start in range(0, n, batch_size):
            rows = range(start, min(start + batch_size, n))
            m = len(rows)
            e = errors(rows)
            for j in range(d):
                vw[j] = momentum * vw[j] + 2 / m * sum(ei * x[i][j] for ei, i in zip(e, rows))
                w[j] -= learning_rate * vw[j]
            e = errors(rows)  # recomputed with the new weights
            vb = momentum * vb + 2 / m * sum(e)
            b -= learning_rate * vb
    return w, b
