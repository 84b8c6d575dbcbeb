# caught by: test_fold_statistics_not_from_all_data
"""fold_scaler_statistics reports a scaler fitted once on all of X, repeated for every fold."""

import numpy as np
from sklearn.preprocessing import StandardScaler


def fold_scaler_statistics(X, y, k=20, n_splits=5, seed=0):
    scaler = StandardScaler().fit(X)
    return {"mean": np.tile(scaler.mean_, (n_splits, 1)), "scale": np.tile(scaler.scale_, (n_splits, 1))}
