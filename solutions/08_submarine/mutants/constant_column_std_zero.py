# caught by: test_standardise_constant_column
"""standardise has no guard for a constant column: it divides by a standard deviation of 0."""

import numpy as np


def standardise(X_train, X_other):
    X_train = np.asarray(X_train, dtype=float)
    X_other = np.asarray(X_other, dtype=float)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_other - mean) / std, mean, std
