# caught by: test_stack_forward_relu_between_layers
"""Applies ReLU before each layer instead of after it.

It clips the raw input and leaves the hidden layers' outputs alone.
"""

import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for k, (W, b) in enumerate(layers):
        if activation == "relu" and k < len(layers) - 1:
            out = np.maximum(out, 0.0)
        out = out @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
    return out
