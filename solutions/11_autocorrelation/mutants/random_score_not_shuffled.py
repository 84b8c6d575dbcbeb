# caught by: test_random_cv_overestimates_skill, test_random_cv_score_value
"""random_cv_score uses KFold without shuffle=True: consecutive rows as folds, and the seed is ignored."""

import numpy as np
from sklearn.model_selection import KFold, cross_val_score


def random_cv_score(X, y, n_splits=5, seed=0):
    cv = KFold(n_splits=n_splits)
    return float(np.mean(cross_val_score(make_model(), X, y, cv=cv, scoring="r2")))
