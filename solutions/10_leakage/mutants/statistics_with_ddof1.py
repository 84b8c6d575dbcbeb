# caught by: test_fold_statistics_from_training_folds
"""fold_scaler_statistics computes the training folds' statistics by hand, with the sample std (ddof=1)."""

import numpy as np
from sklearn.model_selection import KFold


def fold_scaler_statistics(X, y, k=20, n_splits=5, seed=0):
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    trains = [train for train, _ in folds.split(X)]
    return {
        "mean": np.array([X[train].mean(axis=0) for train in trains]),
        "scale": np.array([X[train].std(axis=0, ddof=1) for train in trains]),
    }
