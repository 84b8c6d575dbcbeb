# caught by: test_indices_and_labels_are_integers
"""temporal_split rounds a fractional test size up with np.ceil, a float: the indices come back as floats."""

import numpy as np


def temporal_split(n, test_size, gap=0):
    n_test = np.ceil(test_size * n) if isinstance(test_size, float) else test_size
    if gap < 0 or n - n_test - gap < 1:
        raise ValueError("no training samples left")
    return np.arange(n - n_test - gap), np.arange(n - n_test, n)
