# caught by: test_stack_forward_relu_between_layers
"""Applies ReLU after every layer, the output layer included."""

import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for W, b in layers:
        out = out @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
        if activation == "relu":
            out = np.maximum(out, 0.0)
    return out
