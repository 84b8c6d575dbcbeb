# caught by: test_partial_dependence_age_monotone, test_partial_dependence_matches
"""Averages over the rows that already have each grid value (a conditional mean), not over all rows set to it."""

import numpy as np


def partial_dependence_curve(X, y, column, grid, seed):
    X = np.asarray(X, dtype=float)
    model = imputed_forest(seed).fit(X, y)
    grade_3 = list(model.classes_).index(3)
    probability = model.predict_proba(X)[:, grade_3]
    values = X[:, column]
    curve = []
    for value in np.asarray(grid, dtype=float):
        nearest = np.abs(values - value) == np.nanmin(np.abs(values - value))
        curve.append(probability[nearest].mean())
    return np.asarray(curve)
