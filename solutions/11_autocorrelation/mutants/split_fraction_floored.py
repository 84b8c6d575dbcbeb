# caught by: test_temporal_split_fraction_rounds_up, test_temporal_split_property
"""temporal_split truncates a fractional test size with int() instead of rounding up."""

import numpy as np


def temporal_split(n, test_size, gap=0):
    n, gap = int(n), int(gap)
    n_test = int(test_size * n) if isinstance(test_size, float) else int(test_size)
    if gap < 0 or n_test < 1 or n - n_test - gap < 1:
        raise ValueError("no training samples left")
    return np.arange(n - n_test - gap), np.arange(n - n_test, n)
