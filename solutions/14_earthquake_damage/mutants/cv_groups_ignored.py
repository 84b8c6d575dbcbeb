# caught by: test_random_cv_is_optimistic
"""random_vs_grouped_cv passes groups to a shuffled KFold, which ignores them: both scores are random folds."""

from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import KFold, cross_val_score


def random_vs_grouped_cv(X, y, groups, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    folds = KFold(n_splits=N_SPLITS, shuffle=True, random_state=seed)
    random_score = cross_val_score(forest, X, y, cv=folds, scoring="f1_micro").mean()
    grouped_folds = KFold(n_splits=N_SPLITS, shuffle=True, random_state=seed + 1)
    grouped_score = cross_val_score(forest, X, y, groups=groups, cv=grouped_folds, scoring="f1_micro").mean()
    return float(random_score), float(grouped_score)
