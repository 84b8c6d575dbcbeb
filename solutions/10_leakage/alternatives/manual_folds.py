"""Exercise 10, a correct alternative: make_pipeline, and the folds looped over by hand."""

import numpy as np
from sklearn.base import clone
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def build_pipeline(k=20):
    return make_pipeline(StandardScaler(), SelectKBest(f_classif, k=k), LogisticRegression())


def _fitted_per_fold(model, X, y, n_splits, seed):
    """(fitted copy of model, accuracy on the test fold) for each fold, in order."""
    X, y = np.asarray(X), np.asarray(y)
    results = []
    for train, test in KFold(n_splits=n_splits, shuffle=True, random_state=seed).split(X):
        fitted = clone(model).fit(X[train], y[train])
        results.append((fitted, np.mean(fitted.predict(X[test]) == y[test])))
    return results


def leaky_cv_score(X, y, k=20, n_splits=5, seed=0):
    X_selected = SelectKBest(f_classif, k=k).fit_transform(StandardScaler().fit_transform(X), y)  # the leak
    accuracies = [acc for _, acc in _fitted_per_fold(LogisticRegression(), X_selected, y, n_splits, seed)]
    return float(sum(accuracies) / len(accuracies))


def clean_cv_score(X, y, k=20, n_splits=5, seed=0):
    accuracies = [acc for _, acc in _fitted_per_fold(build_pipeline(k), X, y, n_splits, seed)]
    return float(np.mean(accuracies))


def fold_scaler_statistics(X, y, k=20, n_splits=5, seed=0):
    scalers = [pipeline[0] for pipeline, _ in _fitted_per_fold(build_pipeline(k), X, y, n_splits, seed)]
    return {"mean": np.vstack([s.mean_ for s in scalers]), "scale": np.vstack([s.scale_ for s in scalers])}
