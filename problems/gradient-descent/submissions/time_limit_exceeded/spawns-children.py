# Spawns children that try to escape (a new session, a double fork), then loops forever.
# The judge must leave none of them running.
import os
import subprocess
import sys


def gradient_descent(x, y, learning_rate, iterations):
    subprocess.Popen(["sleep", "300"], start_new_session=True)
    subprocess.Popen([sys.executable, "-c", "import time\nwhile True: time.sleep(1)",
                      "pixel-sample-grandchild"], start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execvp("sleep", ["sleep", "301"])
        os._exit(0)
    while True:
        pass
