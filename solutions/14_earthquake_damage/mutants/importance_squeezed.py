# caught by: test_importance_one_column
"""permutation_importance_scores np.squeezes its result: a single column gives a 0-d array, not shape (1,)."""

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    result = permutation_importance(forest, X_val, y_val, n_repeats=N_REPEATS, random_state=seed, n_jobs=1)
    return np.squeeze(np.asarray(result.importances_mean, dtype=float))
