# caught by: test_train_scales_with_training_statistics, test_standardise_values
"""standardise uses the sample standard deviation (ddof=1) instead of np.std's default ddof=0."""

import numpy as np


def standardise(X_train, X_other):
    X_train = np.asarray(X_train, dtype=float)
    X_other = np.asarray(X_other, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0, ddof=1) if len(X_train) > 1 else np.zeros(X_train.shape[1])
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_other - mean) / std, mean, std
