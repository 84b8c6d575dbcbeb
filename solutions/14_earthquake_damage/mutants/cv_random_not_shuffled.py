# caught by: test_random_cv_is_optimistic
"""random_vs_grouped_cv uses KFold without shuffle: on rows sorted by region, its folds are blocks of regions."""

from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GroupKFold, KFold, cross_val_score


def random_vs_grouped_cv(X, y, groups, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    random_score = cross_val_score(forest, X, y, cv=KFold(n_splits=N_SPLITS), scoring="f1_micro").mean()
    grouped_score = cross_val_score(
        forest, X, y, groups=groups, cv=GroupKFold(n_splits=N_SPLITS), scoring="f1_micro"
    ).mean()
    return float(random_score), float(grouped_score)
