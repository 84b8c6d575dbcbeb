# caught by: test_importance_uses_the_seed
"""permutation_importance_scores leaves out random_state: forest and shuffles ignore the seed."""

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, n_jobs=1)
    forest.fit(X_train, y_train)
    result = permutation_importance(forest, X_val, y_val, n_repeats=N_REPEATS, n_jobs=1)
    return np.asarray(result.importances_mean, dtype=float)
