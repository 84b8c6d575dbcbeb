# caught by: test_transferable_beats_baseline
"""Cross-validates the feature sets with shuffled KFold instead of folds grouped by region."""

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import KFold, cross_validate


def grouped_cv_feature_sets(table, grade, seed):
    grade = np.asarray(grade)
    folds = KFold(n_splits=5, shuffle=True, random_state=seed)
    baseline = cross_validate(DummyClassifier(strategy="most_frequent"), np.zeros((grade.size, 1)), grade, cv=folds)
    result = {"baseline": float(np.mean(baseline["test_score"]))}
    for which in ("region_ids", "transferable"):
        X, names = feature_set(pd.DataFrame(table), which)
        scores = cross_validate(imputed_forest(seed), X, grade, cv=folds, scoring="f1_micro", return_estimator=True)
        result[which] = float(np.mean(scores["test_score"]))
        if which == "transferable":
            result["age_fill"] = [float(m[0].statistics_[names.index("age")]) for m in scores["estimator"]]
    return result
