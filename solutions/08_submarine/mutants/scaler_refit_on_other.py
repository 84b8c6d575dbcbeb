# caught by: test_predictions_in_original_units
"""standardise scales each array with its own statistics (fit_transform on the test set too)."""

import numpy as np


def standardise(X_train, X_other):
    X_train = np.asarray(X_train, dtype=float)
    X_other = np.asarray(X_other, dtype=float)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    other_scaled = (X_other - X_other.mean(axis=0)) / X_other.std(axis=0)
    return (X_train - mean) / std, other_scaled, mean, std
