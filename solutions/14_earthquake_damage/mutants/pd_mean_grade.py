# caught by: test_partial_dependence_age_monotone
"""Partial dependence of the predicted grade (predict) instead of the probability of grade 3."""

import numpy as np


def partial_dependence_curve(X, y, column, grid, seed):
    X = np.asarray(X, dtype=float)
    model = imputed_forest(seed).fit(X, y)
    curve = []
    for value in np.asarray(grid, dtype=float):
        X_set = X.copy()
        X_set[:, column] = value
        curve.append(model.predict(X_set).mean())
    return np.asarray(curve)
