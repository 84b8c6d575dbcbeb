# caught by: test_temporal_split_gap_zero
"""temporal_split shuffles, as train_test_split does by default: test samples are spread over the whole record."""

import numpy as np
from sklearn.model_selection import train_test_split


def temporal_split(n, test_size, gap=0):
    train, test = train_test_split(np.arange(int(n)), test_size=test_size, random_state=0)
    return np.sort(train), np.sort(test)
