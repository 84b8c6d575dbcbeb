# caught by: test_fold_statistics_from_training_folds
"""KFold(shuffle=True) without random_state=seed: other folds than the ones asked for."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score, cross_validate
from sklearn.preprocessing import StandardScaler


def leaky_cv_score(X, y, k=20, n_splits=5, seed=0):
    folds = KFold(n_splits=n_splits, shuffle=True)
    X_selected = SelectKBest(f_classif, k=k).fit_transform(StandardScaler().fit_transform(X), y)
    return float(np.mean(cross_val_score(LogisticRegression(), X_selected, y, cv=folds)))


def clean_cv_score(X, y, k=20, n_splits=5, seed=0):
    folds = KFold(n_splits=n_splits, shuffle=True)
    return float(np.mean(cross_val_score(build_pipeline(k), X, y, cv=folds)))  # noqa: F821


def fold_scaler_statistics(X, y, k=20, n_splits=5, seed=0):
    folds = KFold(n_splits=n_splits, shuffle=True)
    result = cross_validate(build_pipeline(k), X, y, cv=folds, return_estimator=True)  # noqa: F821
    scalers = [pipeline[0] for pipeline in result["estimator"]]
    return {"mean": np.array([s.mean_ for s in scalers]), "scale": np.array([s.scale_ for s in scalers])}
