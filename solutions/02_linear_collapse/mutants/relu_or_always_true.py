# caught by: test_stack_forward_linear, test_size_one_dimensions_kept, test_stack_forward_property, test_relu_network_does_not_collapse
"""Tests `activation == "relu" or "ReLU"`: the bare string is always true, so ReLU runs even for None."""

import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    last = len(layers) - 1
    for k, (W, b) in enumerate(layers):
        out = out @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
        if (activation == "relu" or "ReLU") and k < last:
            out = np.maximum(out, 0.0)
    return out
