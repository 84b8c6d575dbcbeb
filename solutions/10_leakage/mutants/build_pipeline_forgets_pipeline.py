# caught by: test_build_pipeline_returns_a_pipeline
"""Leakage (mutant): build_pipeline returns the list of steps, not a Pipeline.

``X`` is a 2-D array ``(n_samples, n_features)``, ``y`` a 1-D array of 0/1
labels ``(n_samples,)``. Every function evaluates the same model,

    StandardScaler  ->  SelectKBest(f_classif, k=k)  ->  LogisticRegression()

(scikit-learn's defaults apart from ``k``) with the same folds,

    KFold(n_splits=n_splits, shuffle=True, random_state=seed)

and differs only in *where* the preprocessing is fitted.
"""

from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline  # noqa: F401
from sklearn.preprocessing import StandardScaler


def build_pipeline(k=20):
    """An unfitted ``Pipeline`` of three steps, in this order:

    ``"scale"``: ``StandardScaler()``; ``"select"``: ``SelectKBest(f_classif, k=k)``;
    ``"model"``: ``LogisticRegression()``.
    """
    return [
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif, k=k)),
        ("model", LogisticRegression()),
    ]
