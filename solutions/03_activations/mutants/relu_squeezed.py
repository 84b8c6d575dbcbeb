# caught by: test_elementwise_property
"""relu squeezes its input: an array with an axis of length 1 comes back with another shape."""

import numpy as np


def relu(x):
    return np.maximum(np.squeeze(np.asarray(x, dtype=float)), 0.0)
