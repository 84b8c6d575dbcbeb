# caught by: test_cv_follows_the_stated_folds
"""random_vs_grouped_cv shuffles the folds and seeds the forests with random_state=0, not with seed."""

from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupKFold, KFold, cross_val_score


def random_vs_grouped_cv(X, y, groups, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=0, n_jobs=1)
    folds = KFold(n_splits=N_SPLITS, shuffle=True, random_state=0)
    random_score = cross_val_score(forest, X, y, cv=folds, scoring="f1_micro").mean()
    grouped_score = cross_val_score(
        forest, X, y, groups=groups, cv=GroupKFold(n_splits=N_SPLITS), scoring="f1_micro"
    ).mean()
    return float(random_score), float(grouped_score)
