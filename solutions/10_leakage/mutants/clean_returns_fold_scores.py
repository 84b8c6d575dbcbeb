# caught by: test_clean_finds_real_signal
"""Leakage (mutant): clean_cv_score returns the accuracy of each fold, not their mean.

``X`` is a 2-D array ``(n_samples, n_features)``, ``y`` a 1-D array of 0/1
labels ``(n_samples,)``. Every function evaluates the same model,

    StandardScaler  ->  SelectKBest(f_classif, k=k)  ->  LogisticRegression()

(scikit-learn's defaults apart from ``k``) with the same folds,

    KFold(n_splits=n_splits, shuffle=True, random_state=seed)

and differs only in *where* the preprocessing is fitted.
"""

from sklearn.model_selection import KFold, cross_val_score


def clean_cv_score(X, y, k=20, n_splits=5, seed=0):
    """The honest estimate: the whole pipeline is fitted inside each training fold.

    Cross-validate ``build_pipeline(k)`` on the raw ``X`` and ``y`` with
    ``cross_val_score`` and the folds above.
    Returns the mean accuracy over the folds, a float.
    """
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return cross_val_score(build_pipeline(k), X, y, cv=folds)
