# Spawns children that try to escape (a new session, a double fork), then loops forever.
# The judge must leave none of them running. (Tests look for the marker in their command lines.)
import os
import subprocess
import sys

MARKER = "pixel-sample-grandchild"
SLEEPER = [sys.executable, "-c", "import time\nwhile True: time.sleep(1)", MARKER]


def gradient_descent(x, y, learning_rate, iterations):
    subprocess.Popen(SLEEPER, start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv(sys.executable, SLEEPER)
        os._exit(0)
    while True:
        pass
