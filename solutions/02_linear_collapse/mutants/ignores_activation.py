# caught by: test_stack_forward_relu_between_layers
"""Never applies the activation: stack_forward is linear whatever `activation` says."""

import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for W, b in layers:
        out = out @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
    return out
