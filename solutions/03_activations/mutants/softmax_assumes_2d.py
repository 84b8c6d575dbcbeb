# caught by: test_softmax_property
"""softmax assumes a batch of shape (n_samples, n_classes): the default axis becomes 1."""

import numpy as np


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    if axis == -1:
        axis = 1
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
