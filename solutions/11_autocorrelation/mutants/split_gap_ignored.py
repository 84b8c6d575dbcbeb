# caught by: test_temporal_split_raises_when_impossible
"""temporal_split keeps time order but forgets the gap: training runs right up to the test block."""

import math

import numpy as np


def temporal_split(n, test_size, gap=0):
    n = int(n)
    n_test = math.ceil(test_size * n) if isinstance(test_size, float) else int(test_size)
    if n - n_test < 1:
        raise ValueError("no training samples left")
    return np.arange(n - n_test), np.arange(n - n_test, n)
