# caught by: test_partial_dependence_age_monotone, test_partial_dependence_flat_for_no_effect
"""Takes predict_proba's first column (grade 1) instead of the column of grade 3."""

import numpy as np


def partial_dependence_curve(X, y, column, grid, seed):
    X = np.asarray(X, dtype=float)
    model = imputed_forest(seed).fit(X, y)
    curve = []
    for value in np.asarray(grid, dtype=float):
        X_set = X.copy()
        X_set[:, column] = value
        curve.append(model.predict_proba(X_set)[:, 0].mean())
    return np.asarray(curve)
