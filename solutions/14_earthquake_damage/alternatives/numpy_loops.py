"""Exercise 14, another correct solution: explicit loops, categorical columns first, float32 tables.

One-hot columns built level by level with a dict, hand-made fold loops, and the partial
dependence of all grid values from one predict_proba call on stacked copies of X.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.model_selection import GroupKFold, KFold
from sklearn.pipeline import Pipeline

from datasets.buildings import CATEGORIES


def encode_features(table):
    columns = dict(table) if isinstance(table, dict) else {c: table[c].to_numpy() for c in table.columns}
    n = len(next(iter(columns.values())))
    encoded = {}
    for name, values in columns.items():
        if name in CATEGORIES:
            text = [str(v) for v in values]
            for level in CATEGORIES[name]:
                encoded[f"{name}_{level}"] = [1.0 if v == level else 0.0 for v in text]
    for name, values in columns.items():
        if name not in CATEGORIES:
            encoded[name] = np.asarray(values, dtype=float)
    X = np.zeros((n, len(encoded)))
    for j, values in enumerate(encoded.values()):
        X[:, j] = values
    return X, list(encoded)


def fit_forest(X_train, y_train, X_test, seed):
    forest = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=seed, n_jobs=1)
    forest.fit(np.asarray(X_train, dtype=np.float32), y_train)
    predictions = forest.predict(np.asarray(X_test, dtype=np.float32))
    return {"predictions": predictions.astype(int), "oob_score": float(forest.oob_score_)}


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    forest = RandomForestClassifier(n_estimators=100, random_state=seed, n_jobs=1).fit(X_train, y_train)
    return permutation_importance(forest, X_val, y_val, n_repeats=3, random_state=seed).importances_mean


def _mean_micro_f1(X, y, splits, seed):
    scores = []
    for train, test in splits:
        forest = RandomForestClassifier(n_estimators=100, random_state=seed, n_jobs=1).fit(X[train], y[train])
        scores.append(np.mean(forest.predict(X[test]) == y[test]))  # micro-F1 = accuracy with one label each
    return float(np.mean(scores))


def random_vs_grouped_cv(X, y, groups, seed):
    X, y = np.asarray(X), np.asarray(y)
    random_splits = KFold(n_splits=5, shuffle=True, random_state=seed).split(X)
    grouped_splits = GroupKFold(n_splits=5).split(X, y, groups=np.asarray(groups))
    return _mean_micro_f1(X, y, random_splits, seed), _mean_micro_f1(X, y, grouped_splits, seed)


def feature_set(table, which):
    dropped = {
        "region_ids": ("epicentral_distance_km", "mmi_estimate"),
        "transferable": ("geo_level_1_id", "geo_level_2_id"),
    }
    kept = {name: values for name, values in dict(pd.DataFrame(table).items()).items() if name not in dropped[which]}
    return encode_features({name: np.asarray(values) for name, values in kept.items()})


def imputed_forest(seed):
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="mean")),
            ("forest", RandomForestClassifier(n_estimators=50, random_state=seed, n_jobs=1)),
        ]
    )


def grouped_cv_feature_sets(table, grade, seed):
    grade = np.asarray(grade)
    groups = np.asarray(pd.DataFrame(table)["geo_level_1_id"])
    splits = list(GroupKFold(n_splits=5).split(grade, grade, groups=groups))
    baseline = []
    for train, test in splits:
        values, counts = np.unique(grade[train], return_counts=True)
        baseline.append(np.mean(grade[test] == values[np.argmax(counts)]))
    result = {"baseline": float(np.mean(baseline))}
    for which in ("region_ids", "transferable"):
        X, names = feature_set(table, which)
        scores, fills = [], []
        for train, test in splits:
            model = imputed_forest(seed).fit(X[train], grade[train])
            scores.append(np.mean(model.predict(X[test]) == grade[test]))
            fills.append(float(model.named_steps["impute"].statistics_[names.index("age")]))
        result[which] = float(np.mean(scores))
        if which == "transferable":
            result["age_fill"] = fills
    return result


def partial_dependence_curve(X, y, column, grid, seed):
    X = np.asarray(X, dtype=float)
    model = imputed_forest(seed).fit(X, y)
    grid = np.asarray(grid, dtype=float)
    stacked = np.tile(X, (len(grid), 1))
    stacked[:, column] = np.repeat(grid, len(X))
    probability = model.predict_proba(stacked)[:, list(model.classes_).index(3)]
    return probability.reshape(len(grid), len(X)).mean(axis=1)
