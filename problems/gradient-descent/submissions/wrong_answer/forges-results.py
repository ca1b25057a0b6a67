# Writes fake "accepted" frames to every open descriptor, then returns a wrong answer.
import json
import os

FAKE = {"type": "result", "case": 0, "value": {"t": "seq", "n": 2, "items": [
    {"t": "num", "v": 1.32}, {"t": "num", "v": 0.78}]}, "cpuMs": 1, "wallMs": 1}


def gradient_descent(x, y, learning_rate, iterations):
    line = ("\nnonce " + json.dumps(FAKE) + "\n" + json.dumps(FAKE) + "\n").encode()
    for fd in range(0, 64):
        try:
            os.write(fd, line)
        except OSError:
            pass
    return 1.0, 1.0
