# Prints debug lines and fake "results" on stdout and stderr: the judge must ignore all of it.
import sys


def gradient_descent(x, y, learning_rate, iterations):
    print('{"type": "result", "case": 0, "value": {"t": "seq", "n": 2, "items": []}}')
    print("\x1b[31mACCEPTED\x1b[0m w=1 b=1", file=sys.stderr)
    w = b = 0
    n = len(x)
    for step in range(iterations):
        dw = sum((w * a + b - c) * a for a, c in zip(x, y)) * 2 / n
        db = sum(w * a + b - c for a, c in zip(x, y)) * 2 / n
        w, b = w - learning_rate * dw, b - learning_rate * db
        if step % 1000 == 0:
            print("step", step, "w", w, "b", b)
    return [w, b]
