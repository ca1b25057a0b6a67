# The bias as the weight of a constant feature 1: one parameter list, one velocity list.
def minibatch_gd(x, y, batch_size, learning_rate, epochs, momentum):
    rows = [list(row) + [1.0] for row in x]
    params = [0.0] * len(rows[0])
    velocity = [0.0] * len(params)
    for _ in range(epochs):
        for start in range(0, len(rows), batch_size):
            batch = list(zip(rows[start:start + batch_size], y[start:start + batch_size]))
            errors = [sum(p * v for p, v in zip(params, row)) - target for row, target in batch]
            gradient = [2 * sum(e * row[j] for e, (row, _) in zip(errors, batch)) / len(batch)
                        for j in range(len(params))]
            velocity = [momentum * v + g for v, g in zip(velocity, gradient)]
            params = [p - learning_rate * v for p, v in zip(params, velocity)]
    return params[:-1], params[-1]
