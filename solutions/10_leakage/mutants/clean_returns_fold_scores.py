"""Leakage (mutant): clean_cv_score returns the accuracy of each fold, not their mean.

``X`` is a 2-D array ``(n_samples, n_features)``, ``y`` a 1-D array of 0/1
labels ``(n_samples,)``. Every function evaluates the same model,

    StandardScaler  ->  SelectKBest(f_classif, k=k)  ->  LogisticRegression()

(scikit-learn's defaults apart from ``k``) with the same folds,

    KFold(n_splits=n_splits, shuffle=True, random_state=seed)

and differs only in *where* the preprocessing is fitted.
"""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def build_pipeline(k=20):
    """An unfitted ``Pipeline`` of three steps, in this order:

    ``"scale"``: ``StandardScaler()``; ``"select"``: ``SelectKBest(f_classif, k=k)``;
    ``"model"``: ``LogisticRegression()``.
    """
    return Pipeline(
        [
            ("scale", StandardScaler()),
            ("select", SelectKBest(f_classif, k=k)),
            ("model", LogisticRegression()),
        ]
    )


def leaky_cv_score(X, y, k=20, n_splits=5, seed=0):
    """The pitfall, written on purpose: preprocess all of X, then cross-validate.

    1. fit a ``StandardScaler`` on all of ``X`` and transform ``X``;
    2. fit ``SelectKBest(f_classif, k=k)`` on all of the scaled ``X`` and ``y``,
       keep the ``k`` selected columns;
    3. cross-validate ``LogisticRegression()`` on those ``k`` columns with
       ``cross_val_score`` and the folds above.
    Returns the mean accuracy over the folds, a float.
    """
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    X_scaled = StandardScaler().fit_transform(X)
    X_selected = SelectKBest(f_classif, k=k).fit_transform(X_scaled, y)
    scores = cross_val_score(LogisticRegression(), X_selected, y, cv=folds)
    return float(np.mean(scores))


def clean_cv_score(X, y, k=20, n_splits=5, seed=0):
    """The honest estimate: the whole pipeline is fitted inside each training fold.

    Cross-validate ``build_pipeline(k)`` on the raw ``X`` and ``y`` with
    ``cross_val_score`` and the folds above.
    Returns the mean accuracy over the folds, a float.
    """
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return cross_val_score(build_pipeline(k), X, y, cv=folds)


def fold_scaler_statistics(X, y, k=20, n_splits=5, seed=0):
    """What the pipeline's scaler learned in each fold of ``clean_cv_score``.

    Cross-validate ``build_pipeline(k)`` as in ``clean_cv_score``, keeping the
    fitted pipelines (``cross_validate(..., return_estimator=True)``), and read
    the scaler's ``mean_`` and ``scale_`` from each of them.
    Returns a dict of two arrays of shape ``(n_splits, n_features)``, one row per
    fold in the order of the folds:
        "mean":  the means the scaler subtracted in that fold;
        "scale": the standard deviations it divided by.
    """
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    result = cross_validate(build_pipeline(k), X, y, cv=folds, return_estimator=True)
    scalers = [pipeline.named_steps["scale"] for pipeline in result["estimator"]]
    return {
        "mean": np.array([scaler.mean_ for scaler in scalers]),
        "scale": np.array([scaler.scale_ for scaler in scalers]),
    }
