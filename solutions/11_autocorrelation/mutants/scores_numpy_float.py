# caught by: test_cv_scores_return_python_floats
"""Both scores return NumPy's mean (a numpy.float64), not a Python float."""

import numpy as np
from sklearn.model_selection import GroupKFold, KFold, cross_val_score


def blocked_cv_score(X, y, coords, block_size, n_splits=5, seed=0):
    groups = spatial_blocks(coords, block_size)
    cv = GroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return np.mean(cross_val_score(make_model(), X, y, groups=groups, cv=cv, scoring="r2"))


def random_cv_score(X, y, n_splits=5, seed=0):
    cv = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return cross_val_score(make_model(), X, y, cv=cv, scoring="r2").mean()
