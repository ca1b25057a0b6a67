# Recomputes the predictions of all n rows at every update, then uses only the batch's:
# O(n) per update instead of O(B), quadratic when the batches are small.
def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    n, d = len(x), len(x[0])
    w, b = [0.0] * d, 0.0
    vw, vb = [0.0] * d, 0.0
    for _ in range(epochs):
        for start in range(0, n, batch_size):
            errors = [b + sum(wj * xj for wj, xj in zip(w, row)) - yi for row, yi in zip(x, y)]
            rows = range(start, min(start + batch_size, n))
            for j in range(d):
                vw[j] = momentum * vw[j] + 2 / len(rows) * sum(errors[i] * x[i][j] for i in rows)
                w[j] -= learning_rate * vw[j]
            vb = momentum * vb + 2 / len(rows) * sum(errors[i] for i in rows)
            b -= learning_rate * vb
    return w, b
