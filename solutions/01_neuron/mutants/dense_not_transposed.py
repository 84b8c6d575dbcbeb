# caught by: test_dense_forward_values, test_dense_forward_shape
"""dense_forward uses X @ W instead of X @ W.T (only runs when W is square, then wrong)."""

import numpy as np


def dense_forward(X, W, b):
    return np.asarray(X) @ np.asarray(W) + b
