# caught by: test_dense_forward_values
"""dense_forward squeezes its output: a batch of one sample or one unit loses a dimension."""

import numpy as np


def dense_forward(X, W, b):
    return np.squeeze(np.asarray(X) @ np.asarray(W).T + b)
