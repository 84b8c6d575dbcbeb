"""Hidden tests for 07_ranking_regression_metrics: NumPy metrics against sklearn.metrics."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn.metrics import (
    average_precision_score,
    jaccard_score,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

from grader.testing import StudentCodeError, expect_array, expect_close, expect_number, fail, property_settings

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
        f"roc_auc(y_true, scores) with very {'few' if pos_rate < 0.5 else 'many'} positives among 500 windows",
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


@pytest.mark.parametrize("label", [0, 1, False, True], ids=["0", "1", "False", "True"])
def test_roc_auc_single_class_raises(student, label):
    y = np.full(12, label)
    s = np.linspace(0.0, 1.0, 12)
    what = f"roc_auc(y_true, scores) with only the class {label!r} in y_true"
    try:
        result = student.roc_auc(y, s)
    except StudentCodeError as err:
        if err.type_name != "ValueError":
            fail(f"{what} should raise ValueError, not {err.type_name}.")
        return
    fail(f"{what}: the AUC is not defined, so it should raise ValueError, but it returned a {type(result).__name__}.")


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


# --- What the AUC means: ROC and precision-recall curves --------------------------


CURVE_CASES = ["continuous", "rounded_2_decimals", "three_levels"]


def curve_data(case):
    """Scores for the curve tests: distinct, with ties, or only three levels."""
    if case == "continuous":
        return detector_scores(200, 0.35, seed=30)
    if case == "rounded_2_decimals":
        return detector_scores(300, 0.3, seed=31, decimals=2)
    rng = np.random.default_rng(32)
    y = (rng.random(120) < 0.4).astype(int)
    y[:2] = [0, 1]
    return y, np.clip(np.round(rng.normal(size=120) * 0.8 + y), 0, 2)


def expect_curve(got, expected, names, what, hint):
    """got must be a tuple of len(expected) arrays, each close to its expected array."""
    if not isinstance(got, (tuple, list)) or len(got) != len(expected):
        fail(
            f"{what}: expected a tuple of {len(expected)} arrays {names}. Received: {type(got).__name__}"
            + (f" of length {len(got)}" if isinstance(got, (tuple, list)) else "")
            + "."
        )
    for name, value, exp in zip(names, got, expected, strict=True):
        arr = expect_array(value, what=f"{what}: {name}")
        if arr.shape != exp.shape:
            fail(
                f"{what}: expected {name} of shape {exp.shape} (one value per point). "
                f"Received shape {arr.shape}. {hint}"
            )
        expect_close(arr.astype(float), exp, what=f"{what}: {name}", rtol=1e-9, atol=1e-12, hint=hint)


@pytest.mark.parametrize("case", CURVE_CASES)
def test_roc_points_match_sklearn(student, case):
    y, s = curve_data(case)
    fpr, tpr, thresholds = roc_curve(y, s, drop_intermediate=False)
    expect_curve(
        student.roc_points(y, s),
        (fpr, tpr, thresholds),
        ("fpr", "tpr", "thresholds"),
        f"roc_points(y_true, scores) ({case.replace('_', ' ')} scores)",
        "One point per distinct score, from the highest score down, after a first point (0, 0) at "
        "threshold inf; a window is positive when score >= threshold, so tied windows move together.",
    )


@pytest.mark.parametrize("case", CURVE_CASES)
def test_pr_points_match_sklearn(student, case):
    y, s = curve_data(case)
    precision, recall, thresholds = precision_recall_curve(y, s)
    expect_curve(
        student.pr_points(y, s),
        (precision, recall, thresholds),
        ("precision", "recall", "thresholds"),
        f"pr_points(y_true, scores) ({case.replace('_', ' ')} scores)",
        "Thresholds are the distinct scores from the lowest up; precision and recall have one more "
        "value, the last point (precision 1.0, recall 0.0).",
    )


@pytest.mark.parametrize("case", CURVE_CASES)
def test_trapezoid_area_equals_rank_auc(student, case):
    y, s = curve_data(case)
    fpr, tpr, _ = roc_curve(y, s, drop_intermediate=False)
    got = expect_number(student.trapezoid_area(fpr, tpr), what="trapezoid_area(fpr, tpr)")
    expect_close(
        got,
        roc_auc_score(y, s),
        what=f"trapezoid_area(fpr, tpr) on the ROC points ({case.replace('_', ' ')} scores), against the rank AUC",
        rtol=0.0,
        atol=1e-12,
        hint="Sum (x[i+1] - x[i]) * (y[i] + y[i+1]) / 2 over consecutive points: trapezoids, not rectangles.",
    )
    # a curve that is not a ROC curve: the rule holds for any points
    x = np.linspace(0.0, 3.0, 17) ** 1.5
    yy = np.cos(x)
    got = expect_number(student.trapezoid_area(x, yy), what="trapezoid_area(x, y)")
    expect_close(
        got,
        np.trapezoid(yy, x),
        what="trapezoid_area(x, y) on 17 uneven points of a cosine",
        rtol=1e-12,
        atol=1e-12,
        hint="Use the widths x[i+1] - x[i]; the points need not be evenly spaced.",
    )


@pytest.mark.parametrize("case", CURVE_CASES + ["rare_events"])
def test_average_precision_matches_sklearn(student, case):
    y, s = detector_scores(2000, 0.02, seed=33, decimals=3) if case == "rare_events" else curve_data(case)
    check_number(
        student.average_precision(y, s),
        average_precision_score(y, s),
        f"average_precision(y_true, scores) ({case.replace('_', ' ')})",
        hint="AP = sum over thresholds of (R_n - R_(n-1)) * P_n: the precision at each step of recall, "
        "no trapezoids between points.",
    )


@pytest.mark.parametrize("target", [0.5, 0.9, 1.0])
def test_threshold_for_recall(student, target):
    y, s = curve_data("rounded_2_decimals")
    _, tpr, thresholds = roc_curve(y, s, drop_intermediate=False)
    expected = thresholds[np.argmax(tpr >= target)]
    check_number(
        student.threshold_for_recall(y, s, target),
        expected,
        f"threshold_for_recall(y_true, scores, {target})",
        hint="The highest threshold (one of the scores) at which score >= threshold catches at least "
        "that fraction of the positives: a lower one also reaches it but raises more false alarms.",
    )


def event_windows():
    """A detector's scores on windows with an event rate near 30 %."""
    return detector_scores(20000, 0.3, seed=34, decimals=3)


def student_subsample(student, y, s, rate, seed):
    got = student.subsample_positives(y, s, rate, seed)
    what = f"subsample_positives(y_true, scores, {rate}, {seed})"
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what}: expected a tuple (y_sub, scores_sub). Received: {type(got).__name__}.")
    y_sub = expect_array(got[0], what=f"{what}: y_sub")
    s_sub = expect_array(got[1], what=f"{what}: scores_sub")
    if y_sub.ndim != 1 or y_sub.shape != s_sub.shape:
        fail(f"{what}: expected two 1-D arrays of the same length. Received shapes {y_sub.shape} and {s_sub.shape}.")
    return y_sub, s_sub.astype(float)


def test_subsample_positives_keeps_negatives(student):
    y, s = event_windows()
    y_sub, s_sub = student_subsample(student, y, s, 0.02, 5)
    what = "subsample_positives(y_true, scores, 0.02, 5)"
    n_neg = int((y == 0).sum())
    k = int(round(0.02 * n_neg / 0.98))
    if int((y_sub == 0).sum()) != n_neg or not np.array_equal(np.sort(s_sub[y_sub == 0]), np.sort(s[y == 0])):
        kept = int((y_sub == 0).sum())
        problem = "some are missing" if kept < n_neg else "some are repeated" if kept > n_neg else "some scores changed"
        fail(f"{what}: every negative window must be kept once, with its score: {problem}.")
    if int((y_sub == 1).sum()) != k:
        got_k = int((y_sub == 1).sum())
        direction = "too many" if got_k > k else "too few"
        why = " (n_neg, not the number of all windows)" if got_k == round(0.02 * y.size) else ""
        fail(f"{what}: {direction} positives. Keep k = round(event_rate * n_neg / (1 - event_rate)) positives{why}.")
    available = dict(zip(*np.unique(s[y == 1], return_counts=True), strict=True))
    kept = dict(zip(*np.unique(s_sub[y_sub == 1], return_counts=True), strict=True))
    if any(count > available.get(score, 0) for score, count in kept.items()):
        fail(f"{what}: the positives kept must be positives of the input, drawn without replacement.")
    positives, negatives = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    keep = np.sort(np.r_[negatives, np.random.default_rng(5).choice(positives, k, replace=False)])
    if not (np.array_equal(y_sub, y[keep]) and np.array_equal(s_sub, s[keep])):
        fail(
            f"{what}: the right counts, but not the windows that np.random.default_rng(seed).choice("
            "positive_indices, k, replace=False) picks, kept in their original order."
        )


def test_event_rate_effect(student, record):
    y, s = event_windows()
    got = student.compare_event_rates(y, s, 0.02, 5)
    what = "compare_event_rates(y_true, scores, 0.02, 5)"
    keys = ["rate_full", "roc_auc_full", "ap_full", "rate_low", "roc_auc_low", "ap_low"]
    if not isinstance(got, dict) or sorted(got) != sorted(keys):
        received = sorted(got) if isinstance(got, dict) else type(got).__name__
        fail(f"{what}: expected a dict with the keys {keys}. Received: {received}.")
    vals = {key: expect_number(got[key], what=f"{what}[{key!r}]") for key in keys}
    y_low, s_low = student_subsample(student, y, s, 0.02, 5)
    expected = {
        "rate_full": float(np.mean(y == 1)),
        "roc_auc_full": roc_auc_score(y, s),
        "ap_full": average_precision_score(y, s),
        "rate_low": float(np.mean(y_low == 1)),
        "roc_auc_low": roc_auc_score(y_low, s_low),
        "ap_low": average_precision_score(y_low, s_low),
    }
    for key in keys:
        expect_close(
            vals[key],
            expected[key],
            what=f"{what}[{key!r}]",
            rtol=1e-9,
            atol=1e-12,
            hint="The *_full values come from the data as given, the *_low values from "
            "subsample_positives(y_true, scores, low_rate, seed).",
        )
    record("event_rates", **vals)
    if abs(vals["roc_auc_low"] - vals["roc_auc_full"]) > 0.05:
        fail(
            f"{what}: the ROC AUC should barely move when only the event rate changes. Received "
            f"{vals['roc_auc_full']:.3f} at rate {vals['rate_full']:.3f} and {vals['roc_auc_low']:.3f} at "
            f"rate {vals['rate_low']:.3f}."
        )
    if not vals["ap_low"] < 0.5 * vals["ap_full"]:
        fail(
            f"{what}: the average precision should drop sharply at the rarer rate. Received "
            f"{vals['ap_full']:.3f} and {vals['ap_low']:.3f}."
        )


# --- one Python float -------------------------------------------------------------------------

FLOAT_CALLS = {
    "roc_auc": lambda s: s.roc_auc([0, 1, 1, 0], [0.2, 0.9, 0.4, 0.4]),
    "iou (both masks empty)": lambda s: s.iou(np.zeros(4, bool), np.zeros(4, bool)),
    "iou": lambda s: s.iou(np.array([1, 1, 0], bool), np.array([1, 0, 0], bool)),
    "mae": lambda s: s.mae([1.0, 2.0], [1.5, 1.0]),
    "mse": lambda s: s.mse([1.0, 2.0], [1.5, 1.0]),
    "rmse": lambda s: s.rmse([1.0, 2.0], [1.5, 1.0]),
    "trapezoid_area": lambda s: s.trapezoid_area(np.array([0.0, 0.5, 1.0]), np.array([0.0, 1.0, 1.0])),
    "average_precision": lambda s: s.average_precision([0, 1, 1, 0], [0.2, 0.9, 0.4, 0.4]),
    "threshold_for_recall": lambda s: s.threshold_for_recall([0, 1, 1, 0], [0.2, 0.9, 0.4, 0.4], 0.5),
}


@pytest.mark.parametrize("call", FLOAT_CALLS)
def test_scalar_metrics_return_python_floats(student, call):
    value = FLOAT_CALLS[call](student)
    name = call.split(" ")[0]
    if isinstance(value, float):  # a NumPy float64 is a Python float too
        return
    if isinstance(value, np.ndarray):
        received = f"a NumPy array of shape {value.shape}"
    elif isinstance(value, np.generic):
        received = f"a NumPy {value.dtype} scalar"
    else:
        received = f"{type(value).__name__} {value!r:.40}"
    label = call.replace(name, f"{name}(...)", 1)
    fail(f"{label}: expected one Python float; wrap the result in float(...). Received: {received}.")


# --- property tests: small inputs of every kind against scikit-learn ---------------------------------


def _auc_hint(got, y, s):
    """Which mistake the received AUC matches: ranks reversed, ties broken, or something else."""
    y = np.asarray(y).astype(bool)
    expected = roc_auc_score(y, s)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    wins = (s[y][:, None] > s[~y][None, :]).sum()
    ties = (s[y][:, None] == s[~y][None, :]).sum()
    if np.isclose(got, 1.0 - expected) and not np.isclose(expected, 0.5):
        return "The ranking is reversed: rank 1 is the smallest score, n the largest. " + AUC_HINT
    if ties and (np.isclose(got, wins / (n_pos * n_neg)) or np.isclose(got, (wins + ties) / (n_pos * n_neg))):
        return TIES_HINT
    if ties:
        return "The AUC is wrong where scores are tied. " + TIES_HINT
    return AUC_HINT


@st.composite
def _ranked(draw, min_size=2, max_size=12):
    """Labels with both classes (ints or bools) and scores: ties, zeros, float32, tiny and large values."""
    n = draw(st.integers(min_size, max_size))
    y = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    y[draw(st.integers(0, n - 1))] = True
    negatives = [i for i in range(n) if i != int(np.flatnonzero(y)[0])]
    y[draw(st.sampled_from(negatives))] = False
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    if draw(st.booleans()):  # few levels: many ties
        values = draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n))
    else:
        values = draw(st.lists(st.floats(-1.0, 1.0, allow_nan=False, width=32), min_size=n, max_size=n))
    scores = np.array(values, dtype=dtype) * dtype(draw(st.sampled_from([1.0, 1e-3, 1e6])))
    labels = y if draw(st.booleans()) else y.astype(int)
    return labels, scores


@property_settings(30)
@given(data=_ranked())
def test_roc_auc_property(student, data):
    y, s = data
    what = f"roc_auc(y_true, scores) with {len(y)} windows ({y.dtype} labels, {s.dtype} scores)"
    got = expect_number(student.roc_auc(y, s), what=what)
    check_number(got, roc_auc_score(y, s), what, hint=_auc_hint(got, y, s.astype(float)))


@st.composite
def _mask_pairs(draw):
    """Two boolean masks of one shape, 1 to 3 dimensions, single pixels and empty masks included."""
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5))
    return draw(hnp.arrays(bool, shape)), draw(hnp.arrays(bool, shape))


@property_settings(25)
@given(masks=_mask_pairs())
def test_iou_property(student, masks):
    mask_true, mask_pred = masks
    shape = mask_true.shape
    union = np.logical_or(mask_true, mask_pred).sum()
    expected = 1.0 if union == 0 else np.logical_and(mask_true, mask_pred).sum() / union
    what = f"iou(mask_true, mask_pred) with masks of shape {shape}"
    got = expect_number(student.iou(mask_true, mask_pred), what=what)
    if union == 0:
        hint = "Both masks are empty: the prediction agrees perfectly, return 1.0."
    elif np.logical_and(mask_true, mask_pred).sum() == 0:
        hint = "No pixel is in both masks: the IoU is 0.0."
    else:
        hint = "Count pixels over the whole array, any shape: |true AND pred| / |true OR pred|."
    check_number(got, expected, what, hint=hint)


@st.composite
def _regression_pairs(draw):
    """y_true and y_pred of one shape (size 1 too), float32 or float64, zeros and values up to 1e6."""
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    scale = draw(st.sampled_from([0.0, 1.0, 1e3, 1e6]))
    unit = st.floats(-1.0, 1.0, allow_nan=False, width=32)
    y_true = draw(hnp.arrays(dtype, shape, elements=unit)) * dtype(scale)
    y_pred = draw(hnp.arrays(dtype, shape, elements=unit)) * dtype(scale)
    return y_true, y_pred, scale


@property_settings(25)
@given(data=_regression_pairs())
def test_regression_property(student, data):
    y_true, y_pred, scale = data
    shape, dtype = y_true.shape, y_true.dtype
    error = y_true.astype(float) - y_pred.astype(float)
    # float32 inputs: a solution may compute in float32 too
    rtol, atol = (1e-5, 1e-6 * scale**2) if dtype == np.float32 else (RTOL, ATOL)
    expected = {
        "mae": np.mean(np.abs(error)),
        "mse": np.mean(error**2),
        "rmse": np.sqrt(np.mean(error**2)),
    }
    for name, value in expected.items():
        what = f"{name}(y_true, y_pred) on arrays of shape {shape}, dtype {y_true.dtype}"
        got = expect_number(getattr(student, name)(y_true, y_pred), what=what)
        hints = {
            "mae": "MAE is the mean of |y_true - y_pred|",
            "mse": "MSE is the mean of (y_true - y_pred)**2",
            "rmse": "RMSE is the square root of the mean of (y_true - y_pred)**2",
        }
        hint = hints[name] + ", over all elements whatever the shape (size 1 too)."
        check_number(got, value, what, hint=hint, rtol=rtol, atol=max(atol, ATOL))


@property_settings(25)
@given(data=_ranked(min_size=2, max_size=10), position=st.floats(0.0, 1.0))
def test_curves_property(student, data, position):
    y, s = data
    shown = f"{len(y)} windows ({y.dtype} labels, {s.dtype} scores)"
    fpr, tpr, thresholds = roc_curve(y, s, drop_intermediate=False)
    expect_curve(
        student.roc_points(y, s),
        (fpr, tpr, thresholds),
        ("fpr", "tpr", "thresholds"),
        f"roc_points(y_true, scores) with {shown}",
        "One point per distinct score (ties together), from the highest down, after (0, 0) at threshold inf.",
    )
    precision, recall, pr_thresholds = precision_recall_curve(y, s)
    expect_curve(
        student.pr_points(y, s),
        (precision, recall, pr_thresholds),
        ("precision", "recall", "thresholds"),
        f"pr_points(y_true, scores) with {shown}",
        "Thresholds are the distinct scores from the lowest up; then the last point (precision 1.0, recall 0.0).",
    )
    check_number(
        student.average_precision(y, s),
        average_precision_score(y, s),
        f"average_precision(y_true, scores) with {shown}",
        hint="AP = sum (R_n - R_(n-1)) * P_n over the thresholds from the highest score down, no trapezoids.",
    )
    # a target between two reachable recalls (or 1.0), so that rounding never decides the answer
    n_pos = int(np.asarray(y).astype(bool).sum())
    step = min(int(position * n_pos), n_pos - 1)
    target = 1.0 if position == 1.0 else (step + 0.5) / n_pos
    check_number(
        student.threshold_for_recall(y, s, target),
        thresholds[np.argmax(tpr >= target)],
        f"threshold_for_recall(y_true, scores, {target:.4g}) with {shown}",
        hint="The highest score t at which score >= t catches at least that fraction of the positives.",
    )


@st.composite
def _curves(draw):
    """2 to 8 points with uneven x, increasing or decreasing."""
    x = draw(st.lists(st.floats(-100.0, 100.0, allow_nan=False), min_size=2, max_size=8, unique=True))
    decreasing = draw(st.booleans())
    y = draw(st.lists(st.floats(-10.0, 10.0), min_size=len(x), max_size=len(x)))
    return np.sort(np.array(x))[:: -1 if decreasing else 1], np.array(y), decreasing


@property_settings(25)
@given(curve=_curves())
def test_trapezoid_area_property(student, curve):
    x, y, decreasing = curve
    what = f"trapezoid_area(x, y) on {len(x)} {'decreasing' if decreasing else 'increasing'} x"
    got = expect_number(student.trapezoid_area(x, y), what=what)
    expected = np.trapezoid(y, x)
    if decreasing and np.isclose(got, -expected) and not np.isclose(expected, 0.0):
        hint = "A decreasing x gives a negative area: keep the sign of x[i+1] - x[i]."
    else:
        hint = "Sum (x[i+1] - x[i]) * (y[i] + y[i+1]) / 2 over consecutive points."
    scale = np.sum(np.abs(np.diff(x)) * (np.abs(y[1:]) + np.abs(y[:-1]))) / 2
    check_number(got, expected, what, hint=hint, rtol=1e-9, atol=1e-12 * scale + ATOL)
