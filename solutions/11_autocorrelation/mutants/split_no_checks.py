# caught by: test_temporal_split_raises_when_impossible
"""temporal_split never raises: an impossible gap silently gives an empty (or wrapped) training set."""

import math

import numpy as np


def temporal_split(n, test_size, gap=0):
    n, gap = int(n), int(gap)
    n_test = math.ceil(test_size * n) if isinstance(test_size, float) else int(test_size)
    return np.arange(max(n - n_test - gap, 0)), np.arange(n - n_test, n)
