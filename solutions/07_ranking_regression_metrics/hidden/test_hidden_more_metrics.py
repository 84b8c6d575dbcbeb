"""Hidden tests for 07_ranking_regression_metrics: NumPy metrics against sklearn.metrics."""

import numpy as np
import pytest
from sklearn.metrics import (
    jaccard_score,
    mean_absolute_error,
    mean_squared_error,
    roc_auc_score,
)

from grader.testing import StudentCodeError, expect_close, expect_number, fail

RTOL, ATOL = 1e-9, 1e-12
TIES_HINT = (
    "Tied scores must share the average of the ranks they occupy; a tied "
    "(positive, negative) pair counts one half, neither a win nor a loss."
)
AUC_HINT = "AUC = (sum of the ranks of the positives - n+ (n+ + 1) / 2) / (n+ n-), ranks from 1 (smallest score)."


def check_number(got, expected, what, hint=None, rtol=RTOL, atol=ATOL):
    got = expect_number(got, what=what)
    expect_close(got, expected, what=what, rtol=rtol, atol=atol, hint=hint)


def detector_scores(n, pos_rate, seed, decimals=None):
    """Earthquake-detector scores: positives score higher on average."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < pos_rate).astype(int)
    y[:2] = [0, 1]  # both classes are present
    scores = 1.0 / (1.0 + np.exp(-(rng.normal(size=n) + 1.2 * y)))
    if decimals is not None:
        scores = np.round(scores, decimals)
    return y, scores


# --- ROC AUC ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1])
def test_roc_auc_matches_sklearn(student, seed):
    y, s = detector_scores(300, 0.4, seed)
    got = student.roc_auc(y, s)
    check_number(got, roc_auc_score(y, s), f"roc_auc(y_true, scores) on 300 windows (seed {seed})", hint=AUC_HINT)


@pytest.mark.parametrize("case", ["rounded_1_decimal", "rounded_2_decimals", "three_levels", "bool_labels"])
def test_roc_auc_with_ties(student, case):
    if case == "rounded_1_decimal":
        y, s = detector_scores(400, 0.4, seed=2, decimals=1)
    elif case == "rounded_2_decimals":
        y, s = detector_scores(250, 0.5, seed=3, decimals=2)
    elif case == "three_levels":
        # a detector that only answers "quiet", "maybe", "event": integer scores
        rng = np.random.default_rng(4)
        y = (rng.random(200) < 0.45).astype(int)
        y[:2] = [0, 1]
        s = np.clip(np.round(rng.normal(size=200) * 0.8 + y), 0, 2)
    else:
        y, s = detector_scores(150, 0.3, seed=5, decimals=1)
        y = y.astype(bool)
        # order the windows so that, within each tied group, the positives come first
        order = np.lexsort((~y, s))
        y, s = y[order], s[order]
    got = student.roc_auc(y, s)
    check_number(got, roc_auc_score(y, s), f"roc_auc(y_true, scores) with many tied scores ({case})", hint=TIES_HINT)


@pytest.mark.parametrize("pos_rate", [0.03, 0.97])
def test_roc_auc_imbalanced(student, pos_rate):
    y, s = detector_scores(500, pos_rate, seed=6, decimals=2)
    got = student.roc_auc(y, s)
    check_number(
        got,
        roc_auc_score(y, s),
        f"roc_auc(y_true, scores) with {int(y.sum())} positives among 500 windows",
        hint="n+ and n- are the counts of positives and negatives; " + AUC_HINT,
    )


def test_roc_auc_perfect_and_inverted(student):
    rng = np.random.default_rng(7)
    y = np.array([0] * 30 + [1] * 10)
    rng.shuffle(y)
    s = rng.normal(size=40) + 10.0 * y  # every positive above every negative
    check_number(
        student.roc_auc(y, s),
        1.0,
        "roc_auc(y_true, scores) when every positive scores above every negative",
        hint=AUC_HINT,
    )
    check_number(
        student.roc_auc(y, -s),
        0.0,
        "roc_auc(y_true, scores) when every positive scores below every negative",
        hint="Rank from the smallest score (rank 1) to the largest (rank n). " + AUC_HINT,
    )


@pytest.mark.parametrize("label", [0, 1])
def test_roc_auc_single_class_raises(student, label):
    y = np.full(12, label)
    s = np.linspace(0.0, 1.0, 12)
    with pytest.raises(StudentCodeError) as err:
        student.roc_auc(y, s)
    if err.value.type_name != "ValueError":
        fail(f"roc_auc with only the class {label} in y_true should raise ValueError, not {err.value.type_name}.")


# --- IoU ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [10, 11])
def test_iou_matches_sklearn(student, seed):
    rng = np.random.default_rng(seed)
    mapped = rng.random(500) < 0.3
    predicted = np.where(rng.random(500) < 0.8, mapped, rng.random(500) < 0.5)
    got = student.iou(mapped, predicted)
    check_number(
        got,
        jaccard_score(mapped, predicted),
        "iou(mask_true, mask_pred) on 500 pixels",
        hint="IoU = |true AND pred| / |true OR pred|: the union, not the true mask alone, is the denominator.",
    )


def flood_masks(seed):
    """A mapped flood below a water level on a smooth terrain, and a shifted, noisy prediction."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:40, 0:60]
    terrain = 0.05 * xx + 0.5 * np.sin(yy / 6.0) + rng.normal(scale=0.3, size=(40, 60))
    mapped = terrain < 1.3
    predicted = np.roll(terrain, 3, axis=1) < 1.0
    return mapped, predicted


@pytest.mark.parametrize("which", ["partial_overlap", "prediction_inside_map", "map_inside_prediction"])
def test_iou_2d_masks(student, which):
    mapped, predicted = flood_masks(12)
    if which == "prediction_inside_map":
        predicted = predicted & mapped
    elif which == "map_inside_prediction":
        predicted = predicted | mapped
    got = student.iou(mapped, predicted)
    check_number(
        got,
        jaccard_score(mapped.ravel(), predicted.ravel()),
        f"iou(mask_true, mask_pred) on 40 x 60 flood masks ({which})",
        hint="Count pixels over the whole map (any shape); divide the intersection by the union.",
    )


@pytest.mark.parametrize("which", ["both_empty", "both_empty_2d", "true_empty", "pred_empty"])
def test_iou_empty_masks(student, which):
    shape = (6, 8) if which == "both_empty_2d" else (30,)
    mapped = np.zeros(shape, dtype=bool)
    predicted = np.zeros(shape, dtype=bool)
    if which == "true_empty":
        predicted.flat[[3, 7, 8]] = True
    elif which == "pred_empty":
        mapped.flat[[1, 2]] = True
    expected = jaccard_score(mapped.ravel(), predicted.ravel(), zero_division=1.0)
    got = student.iou(mapped, predicted)
    check_number(
        got,
        expected,
        f"iou(mask_true, mask_pred) with {which.replace('_', ' ')} masks",
        hint="Both masks empty: the union is empty, return 1.0. Only one empty: the intersection is 0, so IoU = 0.0.",
    )


# --- MAE, MSE, RMSE ------------------------------------------------------------


def regression_data(shape, seed):
    """Depth to the water table in metres and a model's prediction."""
    rng = np.random.default_rng(seed)
    depth = rng.gamma(3.0, 4.0, size=shape)
    return depth, depth + rng.normal(scale=2.5, size=shape)


def test_mae_matches_sklearn(student):
    y, y_pred = regression_data(200, seed=20)
    check_number(
        student.mae(y, y_pred),
        mean_absolute_error(y, y_pred),
        "mae(y_true, y_pred) on 200 values",
        hint="MAE is the mean of the absolute errors |y_true - y_pred|, not of their squares.",
    )


def test_mse_matches_sklearn(student):
    y, y_pred = regression_data(200, seed=21)
    check_number(
        student.mse(y, y_pred),
        mean_squared_error(y, y_pred),
        "mse(y_true, y_pred) on 200 values",
        hint="MSE is the mean of the squared errors (y_true - y_pred)**2.",
    )


def test_rmse_matches_sklearn(student):
    y, y_pred = regression_data(200, seed=22)
    check_number(
        student.rmse(y, y_pred),
        np.sqrt(mean_squared_error(y, y_pred)),
        "rmse(y_true, y_pred) on 200 values",
        hint="RMSE is the square root of the MSE, in the units of y.",
    )


@pytest.mark.parametrize("name", ["mae", "mse", "rmse"])
def test_regression_2d(student, name):
    y, y_pred = regression_data((50, 3), seed=23)  # 50 samples, 3 outputs
    expected = {
        "mae": mean_absolute_error(y.ravel(), y_pred.ravel()),
        "mse": mean_squared_error(y.ravel(), y_pred.ravel()),
        "rmse": np.sqrt(mean_squared_error(y.ravel(), y_pred.ravel())),
    }[name]
    check_number(
        getattr(student, name)(y, y_pred),
        expected,
        f"{name}(y_true, y_pred) on arrays of shape (50, 3)",
        hint="Return one float: the mean runs over all elements, whatever the shape.",
    )
