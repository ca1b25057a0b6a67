# Starts a grandchild in its own session, with an empty environment, via a double fork, and still
# answers correctly: accepted, and the judge must leave nothing running.
import os
import sys

MARKER = "pixel-sample-grandchild"
_started = []


def gradient_descent(x, y, learning_rate, iterations):
    if not _started:
        _started.append(True)
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execve(sys.executable,
                          [sys.executable, "-c", "import time; time.sleep(300)", MARKER], {})
            os._exit(0)
    n = len(x)
    w = b = 0.0
    for _ in range(iterations):
        dw = db = 0.0
        for xi, yi in zip(x, y):
            e = w * xi + b - yi
            dw += e * xi
            db += e
        w, b = w - learning_rate * 2 * dw / n, b - learning_rate * 2 * db / n
    return w, b
