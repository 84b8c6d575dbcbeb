# caught by: test_temporal_split_fraction_rounds_up, test_temporal_split_order_and_gap
"""temporal_split leaves gap - 1 samples out: the last training index is n - n_test - gap, one too far."""

import math

import numpy as np


def temporal_split(n, test_size, gap=0):
    n, gap = int(n), int(gap)
    n_test = math.ceil(test_size * n) if isinstance(test_size, float) else int(test_size)
    if gap < 0 or n_test < 1 or n - n_test - gap < 1:
        raise ValueError("no training samples left")
    last_train = n - n_test - gap  # should be n - n_test - gap - 1
    return np.arange(min(last_train, n - n_test - 1) + 1), np.arange(n - n_test, n)
