# caught by: test_importance_of_noise_is_small, test_importance_ranks_the_drivers
"""permutation_importance_scores returns the impurity (MDI) importances, feature_importances_."""

import numpy as np
from sklearn.ensemble import RandomForestClassifier


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    return np.asarray(forest.feature_importances_, dtype=float)
