# exercise: 02_linear_collapse
# outcomes: error, timed out
# needs: limits
import os
import time


def _bomb():
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.01)


def stack_forward(X, layers, activation=None):
    _bomb()


def collapse(W1, b1, W2, b2):
    _bomb()


def collapse_stack(layers):
    _bomb()
