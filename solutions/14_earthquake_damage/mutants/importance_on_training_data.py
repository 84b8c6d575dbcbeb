# caught by: test_importance_of_noise_is_small
"""permutation_importance_scores permutes the columns of the training data, not the held-out data."""

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    result = permutation_importance(forest, X_train, y_train, n_repeats=N_REPEATS, random_state=seed, n_jobs=1)
    return np.asarray(result.importances_mean, dtype=float)
