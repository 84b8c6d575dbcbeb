# exercise: 02_linear_collapse
# outcomes: error
# message: not written yet
# needs: sandbox
# Stops the warm parent (and anything else it can name) with SIGSTOP.
import os
import signal


def _attack():
    own = os.getpid()
    for pid in {os.getppid(), *range(1, 200)} - {0, own}:
        try:
            os.kill(pid, signal.SIGSTOP)
        except OSError:
            pass


def stack_forward(X, layers, activation=None):
    _attack()
    raise NotImplementedError()


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()
