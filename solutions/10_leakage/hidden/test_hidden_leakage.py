"""Hidden tests for 10_leakage: folds' scaler statistics, the honest score, and the leak."""

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from datasets.noise import make_noise
from grader.errors import StudentReturnTypeError
from grader.testing import expect_array, expect_close, expect_number, fail, once_per_submission, property_settings

# Pure noise, 100 samples x 2000 features: the judge's leaky score is 0.86, the honest one 0.49.
NOISE = {"n_samples": 100, "n_features": 2000, "seed": 2031}
# A second pure-noise set (honest score 0.52).
NOISE_2 = {"n_samples": 100, "n_features": 2000, "seed": 2027}
# Ten real features among 2000 (a shift of 1.5 standard deviations): the honest score is 0.98.
SIGNAL = {"n_samples": 100, "n_features": 2000, "n_informative": 10, "shift": 1.5, "seed": 41}
# Five weak features among 1000, other k, folds and seed (honest 0.675, leaky 0.85).
WEAK = {"n_samples": 80, "n_features": 1000, "n_informative": 5, "shift": 1.0, "seed": 42}
# Small data for the scaler statistics (the answer holds n_splits x 300 x 2 numbers).
SMALL = {"n_samples": 60, "n_features": 300, "seed": 11}

EXACT = 1e-9  # accuracies are multiples of 1 / fold size: the same pipeline gives the same number
CHANCE_BAND = (0.3, 0.7)  # honest scores on pure noise; the judge's are 0.49 and 0.52
LEAK_MARGIN = 0.2  # the leaky score must beat the honest one by this much on pure noise
CURVE_FEATURES = (20, 50, 100, 250, 500, 1000, 2000)  # the first columns of NOISE; k = 20 throughout

FOLDS_HINT = "Use KFold(n_splits=n_splits, shuffle=True, random_state=seed), not an integer cv (unshuffled folds)."
CLEAN_HINT = (
    "Pass the raw X to cross_val_score(build_pipeline(k), X, y, cv=folds): the scaler and SelectKBest "
    "must be fitted inside each training fold, never on all of X. " + FOLDS_HINT
)
LEAKY_HINT = (
    "Fit StandardScaler and SelectKBest(f_classif, k=k) on all of X (and y) first, then cross_val_score "
    "LogisticRegression() on the k selected columns. " + FOLDS_HINT
)


def folds(n_splits, seed):
    return KFold(n_splits=n_splits, shuffle=True, random_state=seed)


def pipeline(k):
    return Pipeline(
        [("scale", StandardScaler()), ("select", SelectKBest(f_classif, k=k)), ("model", LogisticRegression())]
    )


def judge_clean(X, y, k, n_splits, seed):
    return float(np.mean(cross_val_score(pipeline(k), X, y, cv=folds(n_splits, seed))))


def judge_leaky(X, y, k, n_splits, seed):
    X_selected = SelectKBest(f_classif, k=k).fit_transform(StandardScaler().fit_transform(X), y)
    return float(np.mean(cross_val_score(LogisticRegression(), X_selected, y, cv=folds(n_splits, seed))))


def describe(data):
    informative = data.get("n_informative", 0)
    return f"{informative} informative features" if informative else "pure noise"


def student_score(student, name, data, k=20, n_splits=5, seed=0, n_features=None):
    """The student's score on NOISE, needed by several tests: asked once per submission."""
    X, y = make_noise(**data)
    if n_features is not None:
        X = X[:, :n_features]
    what = f"{name}(X, y, k={k}, n_splits={n_splits}, seed={seed}) on {X.shape[0]} samples x {X.shape[1]} features"

    def score():
        got = getattr(student, name)(X, y, k=k, n_splits=n_splits, seed=seed)
        value = expect_number(got, what=what)
        if not isinstance(got, float):  # a NumPy float64 is a float; a 0-d array or an int is not
            fail(f"{what}: expected the mean accuracy as a float: return float(np.mean(scores)).")
        return value

    key = (name, tuple(sorted(data.items())), k, n_splits, seed, n_features)
    value = once_per_submission(student, key, score)
    if not 0.0 <= value <= 1.0:
        fail(f"{what}: expected a mean accuracy between 0 and 1. Received: {value}")
    return value, X, y, what


# --- the pipeline ----------------------------------------------------------------------------


def test_build_pipeline_returns_a_pipeline(student):
    """A fitted or unfitted Pipeline cannot travel back to the judge's process; its type name does."""
    what = "build_pipeline(k=5)"
    try:
        value = student.build_pipeline(k=5)
    except StudentReturnTypeError as err:
        received = re.search(r"Received: ([\w.]+)", str(err))
        name = received.group(1) if received else "something else"
        if name.split(".")[-1] == "Pipeline":
            return
        fail(
            f"{what}: expected a scikit-learn Pipeline of a StandardScaler, SelectKBest and a "
            f"LogisticRegression. Received: a {name.split('.')[-1]}."
        )
    if type(value).__name__ == "Pipeline":  # where the object does come back (an nbgrader notebook)
        return
    kind = "None (did you forget to return?)" if value is None else f"a {type(value).__name__}"
    fail(f"{what}: expected a scikit-learn Pipeline. Received: {kind}.")


# --- the scaler statistics of each fold -------------------------------------------------


def received_statistics(student, X, y, n_splits, seed):
    what = f"fold_scaler_statistics(X, y, k=20, n_splits={n_splits}, seed={seed})"
    got = student.fold_scaler_statistics(X, y, k=20, n_splits=n_splits, seed=seed)
    if not isinstance(got, dict):
        fail(f'{what}: expected a dict with the keys "mean" and "scale". Received: a {type(got).__name__}')
    missing = [key for key in ("mean", "scale") if key not in got]
    if missing:
        fail(f"{what}: the returned dict has no key(s) {missing}.")
    shape = (n_splits, X.shape[1])
    mean = expect_array(got["mean"], what=f'{what}["mean"]', shape=shape)
    scale = expect_array(got["scale"], what=f'{what}["scale"]', shape=shape)
    return mean, scale, what


def same(a, b):
    return np.allclose(a, b, rtol=1e-7, atol=1e-10)


def diagnose_mean(row, X, n_splits, seed, train, test):
    """A hint for a fold whose mean is wrong, by what the mean matches instead."""
    if same(row, X.mean(axis=0)):
        return "These are the statistics of all of X: the scaler must see the training fold only."
    if same(row, X[test].mean(axis=0)):
        return "These are the statistics of the test fold: fit the scaler on the training fold."
    other_folds = [
        KFold(n_splits=n_splits),
        KFold(n_splits=n_splits, shuffle=True, random_state=0),
        KFold(n_splits=n_splits, shuffle=True, random_state=42),
    ]
    for splitter in other_folds:
        for other_train, _ in splitter.split(X):
            if same(row, X[other_train].mean(axis=0)):
                return "These come from a training set, but of other folds. " + FOLDS_HINT
    return "Read pipeline.named_steps['scale'].mean_ from each fitted pipeline. " + FOLDS_HINT


@pytest.mark.parametrize("n_splits, seed", [(5, 0), (4, 7)])
def test_fold_statistics_from_training_folds(student, n_splits, seed):
    X, y = make_noise(**SMALL)
    mean, scale, what = received_statistics(student, X, y, n_splits, seed)
    for fold, (train, test) in enumerate(folds(n_splits, seed).split(X)):
        # The judge's own check that a fold's training statistics are not those of all data.
        assert not same(X[train].mean(axis=0), X.mean(axis=0))
        if not same(mean[fold], X[train].mean(axis=0)):
            hint = diagnose_mean(mean[fold], X, n_splits, seed, train, test)
            fail(f'{what}["mean"][{fold}] is not the mean of fold {fold}\'s training rows of X. {hint}')
        expect_close(
            scale[fold],
            X[train].std(axis=0),
            what=f'{what}["scale"][{fold}]',
            rtol=1e-7,
            atol=1e-10,
            hint="StandardScaler's scale_ is the standard deviation with ddof=0 (np.std's default) "
            "of the training samples of that fold.",
        )


def test_fold_statistics_not_from_all_data(student):
    X, y = make_noise(**SMALL)
    mean, scale, what = received_statistics(student, X, y, 5, 0)
    every_fold = same(mean, np.broadcast_to(X.mean(axis=0), mean.shape))
    every_fold |= same(scale, np.broadcast_to(X.std(axis=0), scale.shape))
    if every_fold:
        fail(
            f"{what}: every fold has the mean or the scale of all of X. Each fold's scaler must be fitted "
            "on that fold's training samples only, so the statistics differ from fold to fold."
        )
    if np.allclose(mean, mean[0], rtol=0.0, atol=1e-12):
        fail(f"{what}: all folds have the same mean; each fold's scaler sees different training samples.")


@st.composite
def _small_data(draw):
    """Small data sets: 1 to 5 features, float32 or float64, zeros and large values, 3 to 5 folds."""
    n_splits = draw(st.integers(3, 5))
    n_samples = draw(st.integers(2 * n_splits, 24))
    n_features = draw(st.integers(1, 5))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    rng = np.random.default_rng(draw(st.integers(0, 10_000)))
    X = (rng.normal(size=(n_samples, n_features)) * draw(st.sampled_from([1.0, 1e3]))).astype(dtype)
    X[:, 0] += draw(st.sampled_from([0.0, 1e4]))  # a column far from zero
    y = rng.permutation(np.arange(n_samples) % 2)  # both classes in every training fold
    return X, y, n_splits, draw(st.integers(0, 99))


@property_settings(15)
@given(data=_small_data())
def test_fold_statistics_property(student, data):
    X, y, n_splits, seed = data
    what = (
        f"fold_scaler_statistics(X, y, k=1, n_splits={n_splits}, seed={seed}) on {X.shape[0]} samples x "
        f"{X.shape[1]} features ({X.dtype})"
    )
    got = student.fold_scaler_statistics(X, y, k=1, n_splits=n_splits, seed=seed)
    if not isinstance(got, dict) or not {"mean", "scale"} <= set(got):
        fail(f'{what}: expected a dict with the keys "mean" and "scale".')
    shape = (n_splits, X.shape[1])
    squeeze = " Keep one row per fold and one column per feature, even for a single feature."
    X64 = X.astype(float)
    for key, statistic in (("mean", np.mean), ("scale", np.std)):
        array = expect_array(got[key], what=f'{what}["{key}"]')
        if array.shape != shape:
            fail(f'{what}["{key}"]: expected an array of shape {shape}. Received: shape {array.shape}.{squeeze}')
        for fold, (train, test) in enumerate(folds(n_splits, seed).split(X)):
            expected = statistic(X64[train], axis=0)
            if key == "mean" and not np.allclose(array[fold], expected, rtol=1e-5, atol=1e-6):
                hint = diagnose_mean(array[fold], X64, n_splits, seed, train, test)
                fail(f'{what}["mean"][{fold}] is not the mean of fold {fold}\'s training rows of X. {hint}')
            expect_close(
                array[fold],
                expected,
                what=f'{what}["{key}"][{fold}]',
                rtol=1e-5,
                atol=1e-6 * (1.0 + np.abs(X64).max()),
                hint="StandardScaler's scale_ is the standard deviation with ddof=0 of that fold's training rows.",
            )


# --- the honest score -----------------------------------------------------------------------

CLEAN_CASES = {
    "pure_noise": (NOISE, 20, 5, 0),
    "weak_signal_k10_4folds_seed3": (WEAK, 10, 4, 3),
}


@pytest.mark.parametrize("case", list(CLEAN_CASES))
def test_clean_matches_pipeline(student, case):
    data, k, n_splits, seed = CLEAN_CASES[case]
    got, X, y, what = student_score(student, "clean_cv_score", data, k, n_splits, seed)
    expected = judge_clean(X, y, k, n_splits, seed)
    expect_close(got, expected, what=f"{what} ({describe(data)})", rtol=0.0, atol=EXACT, hint=CLEAN_HINT)


def test_clean_near_chance_on_noise(student):
    for data in (NOISE, NOISE_2):
        got, _, _, what = student_score(student, "clean_cv_score", data)
        low, high = CHANCE_BAND
        if not low <= got <= high:
            fail(
                f"{what} ({describe(data)}) returned {got:.2f}. The labels do not depend on the features, "
                f"so an honest estimate is near 0.5 (between {low} and {high} here). A higher score means "
                "information from the test folds reached the model. " + CLEAN_HINT
            )


def test_clean_finds_real_signal(student):
    got, _, _, what = student_score(student, "clean_cv_score", SIGNAL)
    if got < 0.8:
        fail(
            f"{what} ({describe(SIGNAL)}) returned {got:.2f}. Ten features really separate the classes, "
            "and a pipeline fitted in each training fold finds them: expected at least 0.8."
        )


# --- the leak -------------------------------------------------------------------------------

LEAKY_CASES = {
    "pure_noise": (NOISE, 20, 5, 0),
    "weak_signal_k10_4folds_seed3": (WEAK, 10, 4, 3),
}


@pytest.mark.parametrize("case", list(LEAKY_CASES))
def test_leaky_matches_recipe(student, case):
    data, k, n_splits, seed = LEAKY_CASES[case]
    got, X, y, what = student_score(student, "leaky_cv_score", data, k, n_splits, seed)
    expected = judge_leaky(X, y, k, n_splits, seed)
    expect_close(got, expected, what=f"{what} ({describe(data)})", rtol=0.0, atol=EXACT, hint=LEAKY_HINT)


def test_leaky_clearly_higher_than_clean(student, record):
    leaky, clean = [], []
    for n_features in CURVE_FEATURES:
        leaky.append(student_score(student, "leaky_cv_score", NOISE, n_features=n_features)[0])
        clean.append(student_score(student, "clean_cv_score", NOISE, n_features=n_features)[0])
    record(
        "leak",
        x=list(CURVE_FEATURES),
        leaky=leaky,
        clean=clean,
        chance=[0.5] * len(CURVE_FEATURES),
        title="Pure noise, 100 samples: the 20 best of n features",
        xlabel="number of noise features screened by SelectKBest",
        ylabel="cross-validated accuracy",
    )
    if leaky[-1] < clean[-1] + LEAK_MARGIN:
        fail(
            f"On pure noise (100 samples x 2000 features, k=20) your leaky score is {leaky[-1]:.2f} and your "
            f"clean score {clean[-1]:.2f}: expected the leaky one at least {LEAK_MARGIN} higher. Selecting "
            "the features on all of X and y (before the folds) is what leaks; scaling alone leaks very little. "
            + LEAKY_HINT
        )
