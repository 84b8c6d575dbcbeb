# caught by: test_standardise_property
"""standardise squeezes its results: one column comes back as a 1-D array, one row as a row vector."""

import numpy as np


def standardise(X_train, X_other):
    X_train = np.asarray(X_train, dtype=float)
    X_other = np.asarray(X_other, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return np.squeeze((X_train - mean) / std), np.squeeze((X_other - mean) / std), mean, std
