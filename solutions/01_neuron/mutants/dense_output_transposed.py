# caught by: test_dense_forward_values
"""dense_forward copies the one-sample formula W x + b literally: returns (n_units, n_samples)."""

import numpy as np


def dense_forward(X, W, b):
    return np.asarray(W) @ np.asarray(X).T + np.asarray(b)[:, None]
