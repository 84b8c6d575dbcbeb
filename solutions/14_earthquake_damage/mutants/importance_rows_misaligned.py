# caught by: test_importance_ranks_the_drivers
"""permutation_importance_scores shuffles the training rows but not the labels: a forest of noise."""

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    rng = np.random.default_rng(seed)
    X_shuffled = np.asarray(X_train)[rng.permutation(len(X_train))]
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    forest.fit(X_shuffled, y_train)
    result = permutation_importance(forest, X_val, y_val, n_repeats=N_REPEATS, random_state=seed, n_jobs=1)
    return np.asarray(result.importances_mean, dtype=float)
