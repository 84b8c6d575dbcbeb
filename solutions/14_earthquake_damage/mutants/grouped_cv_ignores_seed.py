# caught by: test_grouped_cv_uses_the_seed
"""grouped_cv_feature_sets builds its forests with a forest of its own that has no random_state."""

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.model_selection import GroupKFold, cross_validate
from sklearn.pipeline import make_pipeline


def grouped_cv_feature_sets(table, grade, seed):
    grade = np.asarray(grade)
    groups = np.asarray(pd.DataFrame(table)["geo_level_1_id"])
    folds = GroupKFold(n_splits=N_SPLITS)
    result = {}
    baseline = cross_validate(
        DummyClassifier(strategy="most_frequent"), np.zeros((grade.size, 1)), grade, groups=groups, cv=folds
    )
    result["baseline"] = float(np.mean(baseline["test_score"]))
    for which in ("region_ids", "transferable"):
        X, names = feature_set(table, which)
        model = make_pipeline(SimpleImputer(strategy="mean"), RandomForestClassifier(n_estimators=50, n_jobs=1))
        scores = cross_validate(model, X, grade, groups=groups, cv=folds, scoring="f1_micro", return_estimator=True)
        result[which] = float(np.mean(scores["test_score"]))
        if which == "transferable":
            age = names.index("age")
            result["age_fill"] = [float(m[0].statistics_[age]) for m in scores["estimator"]]
    return result
