# exercise: 02_linear_collapse
# outcomes: error, timed out
# needs: limits
# call_seconds: 20
# message: used more than the memory limit of 1024 MB
import numpy as np

HOARD = []


def _hog():
    while True:  # 50 GB in 1 GB steps, each page touched
        HOARD.append(np.ones(2**27))
        if len(HOARD) > 50:
            break


def stack_forward(X, layers, activation=None):
    _hog()


def collapse(W1, b1, W2, b2):
    _hog()


def collapse_stack(layers):
    _hog()
