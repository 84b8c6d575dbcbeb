"""Exercise 14: a random forest on earthquake damage to buildings.

A table of buildings (one row each: where it stands, how it is built, how old
and how tall it is) and the damage grade the 2015 Gorkha earthquake did to it:
1 (low), 2 (medium) or 3 (almost destroyed). The data come from a seeded
generator with the columns of the original table::

    from datasets.buildings import CATEGORIES, NUMERIC, as_columns, make_buildings
    features, grade, truth = make_buildings(3000, seed=1)   # a DataFrame, grades 1-3, the truth
    table = as_columns(features)                           # a dict of columns: what the grader sends

Scores are micro-averaged F1, which for one label per building equals the
accuracy.
"""

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, KFold, cross_validate
from sklearn.pipeline import make_pipeline

from datasets.buildings import CATEGORIES, FIELD

N_ESTIMATORS = 100
N_SPLITS = 5
N_REPEATS = 3
#: the smaller forests of the transfer part (part 2)
N_ESTIMATORS_TRANSFER = 50
REGION_IDS = ("geo_level_1_id", "geo_level_2_id")


def encode_features(table):
    """Turn the building table into numbers: numeric columns kept, categorical ones one-hot encoded.

    Parameters
    ----------
    table : pandas.DataFrame or dict of 1-D arrays
        The columns of ``make_buildings`` (or some of them), one row per building.
        The grader sends a dict; ``pd.DataFrame(table)`` accepts both.

    Returns
    -------
    X : array of float, shape (n_rows, n_encoded)
        Every column that is not in ``CATEGORIES`` as it is (converted to float).
        Every column in ``CATEGORIES`` replaced by one 0/1 column per level in
        ``CATEGORIES[column]``, *all* levels, even those missing from this table
        (so that a training table and a test table give the same columns).
    names : list of str
        The name of every column of ``X``: the original name for a kept column,
        ``f"{column}_{level}"`` for a one-hot column (e.g. ``"roof_type_x"``).
    """
    frame = pd.DataFrame(table)
    parts, names = [], []
    for column in frame.columns:
        if column in CATEGORIES:
            values = frame[column].astype(str).to_numpy()
            for level in CATEGORIES[column]:
                parts.append((values == level).astype(float))
                names.append(f"{column}_{level}")
        else:
            parts.append(frame[column].to_numpy(dtype=float))
            names.append(str(column))
    X = np.column_stack(parts) if parts else np.empty((len(frame), 0))
    return X, names


def fit_forest(X_train, y_train, X_test, seed):
    """Train a random forest with an out-of-bag score, and predict the test buildings.

    Use ``RandomForestClassifier(n_estimators=100, oob_score=True, random_state=seed, n_jobs=1)``.

    Parameters
    ----------
    X_train : array, shape (n_train, n_features)
    y_train : array of int, shape (n_train,)
        Damage grades 1, 2 or 3.
    X_test : array, shape (n_test, n_features)
    seed : int

    Returns
    -------
    dict with
        "predictions" : array of int, shape (n_test,)
            The predicted damage grade (1, 2 or 3) of every test building.
        "oob_score" : float
            The forest's out-of-bag accuracy (``oob_score_``): every training
            building scored only by the trees that did not see it.
    """
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, oob_score=True, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    return {"predictions": forest.predict(X_test), "oob_score": float(forest.oob_score_)}


def permutation_importance_scores(X_train, y_train, X_val, y_val, seed):
    """How much the forest's accuracy on held-out data drops when one column is shuffled.

    Train ``RandomForestClassifier(n_estimators=100, random_state=seed, n_jobs=1)``
    on the training data, then for every column of ``X_val``, shuffle that column
    and measure the drop in accuracy on ``(X_val, y_val)``, averaged over 3
    shuffles (``sklearn.inspection.permutation_importance(..., n_repeats=3,
    random_state=seed)``, or your own loop).

    Parameters
    ----------
    X_train : array, shape (n_train, n_features)
    y_train : array of int, shape (n_train,)
    X_val : array, shape (n_val, n_features)
        Held-out buildings: not used for training.
    y_val : array of int, shape (n_val,)
    seed : int

    Returns
    -------
    array of float, shape (n_features,)
        The mean drop in accuracy for every column (near 0, possibly slightly
        negative, for a column the forest does not need).
    """
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    result = permutation_importance(forest, X_val, y_val, n_repeats=N_REPEATS, random_state=seed, n_jobs=1)
    return np.asarray(result.importances_mean, dtype=float)


def random_vs_grouped_cv(X, y, groups, seed):
    """Cross-validate the forest twice: random folds, and folds that keep each region together.

    For each of the two splitters, train ``RandomForestClassifier(n_estimators=100,
    random_state=seed, n_jobs=1)`` on 4 folds, predict the 5th, and average the
    5 micro-F1 scores:

    - random: ``KFold(n_splits=5, shuffle=True, random_state=seed)``;
    - grouped: ``GroupKFold(n_splits=5)`` with ``groups`` (a region id per
      building), so that no region is in a training fold and its test fold.

    Parameters
    ----------
    X : array, shape (n, n_features)
    y : array of int, shape (n,)
    groups : array of int, shape (n,)
        The geo_level_1_id (region) of every building.
    seed : int

    Returns
    -------
    (random_score, grouped_score) : tuple of two floats
        The mean micro-F1 over the folds of each splitter.
    """
    X, y, groups = np.asarray(X), np.asarray(y), np.asarray(groups)

    def mean_f1(splits):
        scores = []
        for train, test in splits:
            forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
            forest.fit(X[train], y[train])
            scores.append(f1_score(y[test], forest.predict(X[test]), average="micro"))
        return float(np.mean(scores))

    random_score = mean_f1(KFold(n_splits=N_SPLITS, shuffle=True, random_state=seed).split(X))
    grouped_score = mean_f1(GroupKFold(n_splits=N_SPLITS).split(X, y, groups))
    return random_score, grouped_score


# --- Part 2: damage that transfers to new regions -----------------------------------------


def feature_set(table, which):
    """One of two feature sets, encoded with ``encode_features``.

    Parameters
    ----------
    table : DataFrame or dict of columns
        A table of ``make_buildings(..., field_data=True)``: the survey columns
        and the field columns ``FIELD`` (``epicentral_distance_km``, ``mmi_estimate``).
    which : str
        ``"region_ids"``: every column except those in ``FIELD`` (the survey as
        it is, with the region and district ids);
        ``"transferable"``: every column except ``geo_level_1_id`` and
        ``geo_level_2_id`` (what is known for a region nobody surveyed).

    Returns
    -------
    (X, names) as ``encode_features`` returns them.
    """
    frame = pd.DataFrame(table)
    if which == "region_ids":
        dropped = FIELD
    elif which == "transferable":
        dropped = REGION_IDS
    else:
        raise ValueError(f"feature_set: which must be 'region_ids' or 'transferable'. Received: {which!r}")
    return encode_features(frame.drop(columns=[c for c in dropped if c in frame.columns]))


def imputed_forest(seed):
    """The model of part 2: missing values replaced by the training mean, then a forest.

    ``make_pipeline(SimpleImputer(strategy="mean"),
    RandomForestClassifier(n_estimators=50, random_state=seed, n_jobs=1))``.
    Fitted as one object, the imputer learns its means from the rows the
    pipeline is fitted on, and nothing else.
    """
    return make_pipeline(
        SimpleImputer(strategy="mean"),
        RandomForestClassifier(n_estimators=N_ESTIMATORS_TRANSFER, random_state=seed, n_jobs=1),
    )


def grouped_cv_feature_sets(table, grade, seed):
    """Grouped cross-validation of the baseline and of the two feature sets.

    Folds: ``GroupKFold(n_splits=5)`` with the groups ``table["geo_level_1_id"]``
    (no region in both the training and the test folds). Score: the mean
    micro-F1 over the 5 test folds.

    - ``"baseline"``: ``DummyClassifier(strategy="most_frequent")`` (always the
      grade most common in the training folds);
    - ``"region_ids"`` and ``"transferable"``: ``imputed_forest(seed)`` on
      ``feature_set(table, which)``.

    Parameters
    ----------
    table : DataFrame or dict of columns, with the columns ``FIELD``; ``age`` may hold NaN.
    grade : array of int, shape (n,)
    seed : int

    Returns
    -------
    dict with the floats "baseline", "region_ids", "transferable", and
    "age_fill": a list of 5 floats, for each fold in GroupKFold's order the
    value that the imputer of the fitted "transferable" pipeline puts in for a
    missing age (its ``statistics_`` for the ``age`` column).
    """
    grade = np.asarray(grade)
    groups = np.asarray(pd.DataFrame(table)["geo_level_1_id"])
    folds = GroupKFold(n_splits=N_SPLITS)
    result = {}
    X_any = np.zeros((grade.size, 1))
    baseline = cross_validate(
        DummyClassifier(strategy="most_frequent"), X_any, grade, groups=groups, cv=folds, scoring="f1_micro"
    )
    result["baseline"] = float(np.mean(baseline["test_score"]))
    for which in ("region_ids", "transferable"):
        X, names = feature_set(table, which)
        scores = cross_validate(
            imputed_forest(seed), X, grade, groups=groups, cv=folds, scoring="f1_micro", return_estimator=True
        )
        result[which] = float(np.mean(scores["test_score"]))
        if which == "transferable":
            age = names.index("age")
            result["age_fill"] = [float(model[0].statistics_[age]) for model in scores["estimator"]]
    return result


def partial_dependence_curve(X, y, column, grid, seed):
    """How the predicted chance of grade 3 changes with one column, all else as it is.

    Fit ``imputed_forest(seed)`` on ``(X, y)``. Then for every value ``v`` in
    ``grid``: set column ``column`` to ``v`` in **every** row of ``X`` (a copy),
    predict the probabilities, and average the probability of grade 3 over the
    rows.

    Parameters
    ----------
    X : array, shape (n, n_features), may hold NaN
    y : array of int, shape (n,), grades 1, 2, 3
    column : int
        The index of the column to vary.
    grid : array, shape (m,)
        The values to give it.
    seed : int

    Returns
    -------
    array of float, shape (m,)
        The mean predicted probability of grade 3 at each grid value.
    """
    X = np.asarray(X, dtype=float)
    model = imputed_forest(seed).fit(X, y)
    grade_3 = list(model.classes_).index(3)
    curve = []
    for value in np.asarray(grid, dtype=float):
        X_set = X.copy()
        X_set[:, column] = value
        curve.append(model.predict_proba(X_set)[:, grade_3].mean())
    return np.asarray(curve)


# ---- mutant ----
"""fit_forest reports the accuracy on the training data (which the trees have seen) as the OOB score."""

from sklearn.ensemble import RandomForestClassifier


def fit_forest(X_train, y_train, X_test, seed):
    forest = RandomForestClassifier(n_estimators=N_ESTIMATORS, random_state=seed, n_jobs=1)
    forest.fit(X_train, y_train)
    return {"predictions": forest.predict(X_test), "oob_score": float(forest.score(X_train, y_train))}
