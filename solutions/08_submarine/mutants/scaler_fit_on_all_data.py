# caught by: test_standardise_uses_training_statistics_only
"""standardise fits the mean and std on the training and other data together (leakage)."""

import numpy as np


def standardise(X_train, X_other):
    X_train = np.asarray(X_train, dtype=float)
    X_other = np.asarray(X_other, dtype=float)
    everything = np.vstack([X_train, X_other])
    mean, std = everything.mean(axis=0), everything.std(axis=0)
    return (X_train - mean) / std, (X_other - mean) / std, mean, std
