# caught by: test_fold_statistics_property
"""Leakage (mutant): fold_scaler_statistics squeezes its arrays: a single feature loses its column.

``X`` is a 2-D array ``(n_samples, n_features)``, ``y`` a 1-D array of 0/1
labels ``(n_samples,)``. Every function evaluates the same model,

    StandardScaler  ->  SelectKBest(f_classif, k=k)  ->  LogisticRegression()

(scikit-learn's defaults apart from ``k``) with the same folds,

    KFold(n_splits=n_splits, shuffle=True, random_state=seed)

and differs only in *where* the preprocessing is fitted.
"""

import numpy as np
from sklearn.model_selection import KFold, cross_validate


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
        "mean": np.array([scaler.mean_ for scaler in scalers]).squeeze(),
        "scale": np.array([scaler.scale_ for scaler in scalers]).squeeze(),
    }
