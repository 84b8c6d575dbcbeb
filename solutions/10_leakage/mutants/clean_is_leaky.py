# caught by: test_clean_near_chance_on_noise, test_clean_matches_pipeline
"""The pitfall itself in the "clean" function: scaler and selection fitted on all of X, then CV."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score
from sklearn.preprocessing import StandardScaler


def clean_cv_score(X, y, k=20, n_splits=5, seed=0):
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    X_scaled = StandardScaler().fit_transform(X)
    X_selected = SelectKBest(f_classif, k=k).fit_transform(X_scaled, y)
    return float(np.mean(cross_val_score(LogisticRegression(), X_selected, y, cv=folds)))
