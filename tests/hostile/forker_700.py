# exercise: 02_linear_collapse
# outcomes: error, timed out
# needs: limits
# call_seconds: 20
# 700 processes that each sleep, then a stub's answer.
import os
import time


def stack_forward(X, layers, activation=None):
    children = 0
    for _ in range(700):
        try:
            if os.fork() == 0:
                time.sleep(600)
                os._exit(0)
            children += 1
        except OSError:
            break
    raise RuntimeError(f"started {children} processes")


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()
