# caught by: test_imputer_sees_training_folds_only
"""Fills the missing ages with the mean of the whole table before cross-validation: the test folds leak in."""

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import GroupKFold, cross_validate


def grouped_cv_feature_sets(table, grade, seed):
    frame = pd.DataFrame(table)
    frame["age"] = frame["age"].fillna(frame["age"].mean())
    grade = np.asarray(grade)
    groups = frame["geo_level_1_id"].to_numpy()
    folds = GroupKFold(n_splits=5)
    baseline = cross_validate(
        DummyClassifier(strategy="most_frequent"), np.zeros((grade.size, 1)), grade, groups=groups, cv=folds
    )
    result = {"baseline": float(np.mean(baseline["test_score"]))}
    for which in ("region_ids", "transferable"):
        X, names = feature_set(frame, which)
        scores = cross_validate(
            imputed_forest(seed), X, grade, groups=groups, cv=folds, scoring="f1_micro", return_estimator=True
        )
        result[which] = float(np.mean(scores["test_score"]))
        if which == "transferable":
            result["age_fill"] = [float(m[0].statistics_[names.index("age")]) for m in scores["estimator"]]
    return result
