# caught by: test_dense_forward_values, test_dense_forward_property
"""dense_forward forgets the bias: returns X W^T instead of X W^T + b."""

import numpy as np


def dense_forward(X, W, b):
    return np.asarray(X) @ np.asarray(W).T
