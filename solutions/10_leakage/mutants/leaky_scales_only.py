# caught by: test_leaky_matches_recipe
"""leaky_cv_score leaks only the scaling (fitted on all of X); the selection stays inside the folds."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def leaky_cv_score(X, y, k=20, n_splits=5, seed=0):
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    X_scaled = StandardScaler().fit_transform(X)
    model = make_pipeline(SelectKBest(f_classif, k=k), LogisticRegression())
    return float(np.mean(cross_val_score(model, X_scaled, y, cv=folds)))
