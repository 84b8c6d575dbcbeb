# exercise: 02_linear_collapse
# outcomes: passed, timed out
# passes: test_stack_forward_linear, test_stack_forward_relu_between_layers, test_stack_forward_property
# submission_seconds: 10
"""Keeps the judge waiting; tests/test_hostile.py presses Ctrl-C meanwhile (nothing may be recorded)."""

import time

import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for i, (W, b) in enumerate(layers):
        out = out @ np.asarray(W).T + b
        if activation == "relu" and i < len(layers) - 1:
            out = np.maximum(out, 0.0)
    return out


def collapse(W1, b1, W2, b2):
    time.sleep(60)


def collapse_stack(layers):
    time.sleep(60)


def quiz_answer():
    time.sleep(60)
