# caught by: test_cv_scores_use_their_arguments
"""blocked_cv_score always makes 5 folds, whatever n_splits it is given."""

import numpy as np
from sklearn.model_selection import GroupKFold, cross_val_score


def blocked_cv_score(X, y, coords, block_size, n_splits=5, seed=0):
    groups = spatial_blocks(coords, block_size)
    cv = GroupKFold(n_splits=5, shuffle=True, random_state=seed)
    return float(np.mean(cross_val_score(make_model(), X, y, groups=groups, cv=cv, scoring="r2")))
