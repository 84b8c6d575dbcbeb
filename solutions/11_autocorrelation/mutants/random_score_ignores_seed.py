# caught by: test_cv_scores_use_their_arguments
"""random_cv_score shuffles with a fixed random_state=0 whatever seed it is given."""

import numpy as np
from sklearn.model_selection import KFold, cross_val_score


def random_cv_score(X, y, n_splits=5, seed=0):
    cv = KFold(n_splits=n_splits, shuffle=True, random_state=0)
    return float(np.mean(cross_val_score(make_model(), X, y, cv=cv, scoring="r2")))
