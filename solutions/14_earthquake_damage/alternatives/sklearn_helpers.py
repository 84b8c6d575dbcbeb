"""Exercise 14, another correct solution: scikit-learn and pandas helpers wherever they exist.

Categorical columns through pandas categoricals with every level (categorical columns last),
cross_val_score for the folds, a hand-written permutation loop drawn from the seed, and
sklearn.inspection.partial_dependence for the curve.
"""

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.inspection import partial_dependence
from sklearn.metrics import accuracy_score
from sklearn.model_selection import GroupKFold, KFold, cross_val_score, cross_validate
from sklearn.pipeline import make_pipeline

from datasets.buildings import CATEGORIES, FIELD


def encode_features(table):
    frame = pd.DataFrame(table)
    numeric = [column for column in frame.columns if column not in CATEGORIES]
    categorical = [column for column in frame.columns if column in CATEGORIES]
    parts = [frame[numeric].astype(float)]
    for column in categorical:
        levels = pd.Categorical(frame[column].astype(str), categories=list(CATEGORIES[column]))
        parts.append(pd.get_dummies(levels, prefix=column, prefix_sep="_", dtype=float).set_axis(frame.index))
    encoded = pd.concat(parts, axis=1)
    return encoded.to_numpy(dtype=float), [str(name) for name in encoded.columns]


def fit_forest(X_train, y_train, X_test, seed):
    forest = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    return {"predictions": np.asarray(forest.predict(X_test)), "oob_score": forest.oob_score_}


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    X_val = np.asarray(X_val, dtype=float)
    forest = RandomForestClassifier(n_estimators=100, random_state=seed, n_jobs=1).fit(X_train, y_train)
    base = accuracy_score(y_val, forest.predict(X_val))
    rng = np.random.default_rng(seed)
    drops = np.zeros(X_val.shape[1])
    for j in range(X_val.shape[1]):
        for _ in range(3):
            shuffled = X_val.copy()
            shuffled[:, j] = rng.permutation(shuffled[:, j])
            drops[j] += (base - accuracy_score(y_val, forest.predict(shuffled))) / 3
    return drops


def random_vs_grouped_cv(X, y, groups, seed):
    forest = RandomForestClassifier(n_estimators=100, random_state=seed, n_jobs=1)
    random_folds = KFold(n_splits=5, shuffle=True, random_state=seed)
    random_score = cross_val_score(forest, X, y, cv=random_folds, scoring="f1_micro").mean()
    grouped_score = cross_val_score(forest, X, y, groups=groups, cv=GroupKFold(n_splits=5), scoring="f1_micro").mean()
    return float(random_score), float(grouped_score)


def feature_set(table, which):
    frame = pd.DataFrame(table)
    if which == "region_ids":
        return encode_features(frame.drop(columns=list(FIELD)))
    if which == "transferable":
        return encode_features(frame.drop(columns=["geo_level_1_id", "geo_level_2_id"]))
    raise ValueError(f"unknown feature set {which!r}")


def imputed_forest(seed):
    return make_pipeline(
        SimpleImputer(strategy="mean"), RandomForestClassifier(n_estimators=50, random_state=seed, n_jobs=1)
    )


def grouped_cv_feature_sets(table, grade, seed):
    groups = pd.DataFrame(table)["geo_level_1_id"].to_numpy()
    folds = GroupKFold(n_splits=5)
    dummy = DummyClassifier(strategy="most_frequent")
    result = {"baseline": cross_val_score(dummy, np.zeros((len(grade), 1)), grade, groups=groups, cv=folds).mean()}
    for which in ("region_ids", "transferable"):
        X, names = feature_set(table, which)
        scores = cross_validate(
            imputed_forest(seed), X, grade, groups=groups, cv=folds, scoring="f1_micro", return_estimator=True
        )
        result[which] = scores["test_score"].mean()
        if which == "transferable":
            result["age_fill"] = [model[0].statistics_[names.index("age")] for model in scores["estimator"]]
    return result


def partial_dependence_curve(X, y, column, grid, seed):
    model = imputed_forest(seed).fit(X, y)
    curves = partial_dependence(
        model, np.asarray(X, dtype=float), [column], method="brute", custom_values={column: np.asarray(grid, float)}
    )
    if len(model.classes_) == 2:  # with two classes scikit-learn keeps only the second class's curve
        return curves["average"][0] if model.classes_[1] == 3 else 1.0 - curves["average"][0]
    return curves["average"][list(model.classes_).index(3)]
