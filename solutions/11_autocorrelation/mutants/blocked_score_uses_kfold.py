# caught by: test_random_cv_overestimates_skill, test_blocked_cv_score_value
"""blocked_cv_score computes the blocks but then splits with a shuffled KFold, ignoring them."""

import numpy as np
from sklearn.model_selection import KFold, cross_val_score


def blocked_cv_score(X, y, coords, block_size, n_splits=5, seed=0):
    groups = spatial_blocks(coords, block_size)
    cv = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return float(np.mean(cross_val_score(make_model(), X, y, groups=groups, cv=cv, scoring="r2")))
