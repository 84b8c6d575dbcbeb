"""Hidden tests for 04_losses: the NumPy losses against keras.losses."""

import keras
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.testing import (
    expect_array,
    expect_close,
    expect_number,
    expect_raises,
    fail,
    property_settings,
)

# The student's reduction names -> Keras' reduction argument.
KERAS_REDUCTION = {"mean": "sum_over_batch_size", "none": None, "sum": "sum"}
REDUCTIONS = ["mean", "none", "sum"]
SHAPES = [(40,), (30, 3)]
RTOL, ATOL = 1e-5, 1e-6  # float64 student vs float32 Keras
REDUCTION_HINT = {
    "mean": 'With reduction="mean", return one float: the average over the samples.',
    "sum": 'With reduction="sum", return one float: the sum over the samples.',
    "none": 'With reduction="none", return the array of per-sample losses, shape (n,).',
}


def keras_loss(loss_class, y, y_pred, reduction, **options):
    """Keras' value; a 1-D array holds n samples of one value, i.e. a column (n, 1)."""
    y = np.asarray(y, dtype=np.float32)
    y_pred = np.asarray(y_pred, dtype=np.float32)
    if y.ndim == 1:
        y, y_pred = y[:, None], y_pred[:, None]
    loss = loss_class(reduction=KERAS_REDUCTION[reduction], **options)
    return np.asarray(keras.ops.convert_to_numpy(loss(y, y_pred)), dtype=float)


def check(got, expected, reduction, what, hint=None, rtol=RTOL, atol=ATOL):
    """A float for "mean"/"sum", an array of shape (n,) for "none", close to expected."""
    if reduction == "none":
        got = expect_array(got, what=what, shape=expected.shape)
    else:
        got = expect_number(got, what=what)
    hint = f"{hint} {REDUCTION_HINT[reduction]}" if hint else REDUCTION_HINT[reduction]
    expect_close(got, expected, what=what, rtol=rtol, atol=atol, hint=hint)


def expect_finite(got, what):
    if not np.all(np.isfinite(np.asarray(got, dtype=float))):
        fail(f"{what} contains inf or NaN; every value should be finite.")


def regression_data(shape, seed):
    rng = np.random.default_rng(seed)
    return rng.normal(size=shape), rng.normal(size=shape)


def binary_data(shape, seed):
    rng = np.random.default_rng(seed)
    y = (rng.random(shape) < 0.4).astype(float)
    p = 1.0 / (1.0 + np.exp(-rng.normal(scale=1.5, size=shape)))
    return y, p


def categorical_data(n, k, seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2.0, size=(n, k))
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = np.eye(k)[rng.integers(0, k, size=n)]
    return y, p


def shape_id(shape):
    return "x".join(map(str, shape))


# --- reduce_loss --------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_reduce_loss(student, reduction):
    per_sample = np.random.default_rng(11).random(7) * 3.0
    expected = {"mean": per_sample.mean(), "sum": per_sample.sum(), "none": per_sample}[reduction]
    got = student.reduce_loss(per_sample, reduction)
    check(
        got,
        np.asarray(expected),
        reduction,
        f'reduce_loss(per_sample, "{reduction}") for 7 samples',
        hint='"mean" averages over the samples, "sum" adds them up, "none" returns them unchanged.',
    )


def test_reduce_loss_rejects_unknown(student):
    expect_raises(
        lambda: student.reduce_loss(np.ones(3), "average"),
        "ValueError",
        what='reduce_loss(per_sample, "average")',
        why='"average" is not one of "mean", "sum", "none"',
    )


# --- mse and mae --------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_mse_matches_keras(student, shape, reduction):
    y, y_pred = regression_data(shape, seed=1)
    expected = keras_loss(keras.losses.MeanSquaredError, y, y_pred, reduction)
    got = student.mse(y, y_pred, reduction=reduction)
    check(
        got,
        expected,
        reduction,
        f'mse(y_true, y_pred, reduction="{reduction}") on shape {shape}',
        hint="Square the differences, average over the last axis (one value per sample), then reduce.",
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_mae_matches_keras(student, shape, reduction):
    y, y_pred = regression_data(shape, seed=2)
    expected = keras_loss(keras.losses.MeanAbsoluteError, y, y_pred, reduction)
    got = student.mae(y, y_pred, reduction=reduction)
    check(
        got,
        expected,
        reduction,
        f'mae(y_true, y_pred, reduction="{reduction}") on shape {shape}',
        hint="MAE uses the absolute difference |y_true - y_pred|, not its square.",
    )


# --- binary cross-entropy on probabilities -------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_bce_matches_keras(student, shape, reduction):
    y, p = binary_data(shape, seed=3)
    expected = keras_loss(keras.losses.BinaryCrossentropy, y, p, reduction)
    got = student.binary_crossentropy(y, p, reduction=reduction)
    check(
        got,
        expected,
        reduction,
        f'binary_crossentropy(y_true, p, reduction="{reduction}") on shape {shape}',
        hint="-(y log p + (1 - y) log(1 - p)), averaged over the last axis per sample.",
    )


def test_bce_finite_at_0_and_1(student):
    # Confident predictions, right and wrong: p = 0 and p = 1 exactly.
    y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0], [1.0, 0.0]])
    p = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [0.3, 0.8]])
    what = 'binary_crossentropy(y_true, p, reduction="none") with p exactly 0 and 1'
    got = expect_array(student.binary_crossentropy(y, p, reduction="none"), what=what, shape=(5,))
    expect_finite(got, what)
    # Keras computes 1 - eps in float32 (1 - 1.19e-7), so log(1 - p) at p = 1
    # differs from float64 by about 1 %; the tolerance accepts both.
    expected = keras_loss(keras.losses.BinaryCrossentropy, y, p, "none")
    expect_close(
        got,
        expected,
        what=what,
        rtol=2e-2,
        atol=ATOL,
        hint="Clip p to [eps, 1 - eps] before taking logarithms: np.clip(p, eps, 1 - eps).",
    )


def test_bce_uses_eps(student):
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0])
    p = np.array([0.0, 1.0, 1.0, 0.0, 0.6])
    eps = 1e-3
    q = np.clip(p, eps, 1.0 - eps)
    expected = -(y * np.log(q) + (1.0 - y) * np.log(1.0 - q))
    what = 'binary_crossentropy(y_true, p, eps=1e-3, reduction="none")'
    got = student.binary_crossentropy(y, p, eps=eps, reduction="none")
    check(got, expected, "none", what, rtol=1e-4, hint="Use the eps argument for the clipping, not a fixed constant.")


# --- binary cross-entropy on logits --------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_bce_from_logits_matches_keras(student, shape, reduction):
    rng = np.random.default_rng(4)
    y = (rng.random(shape) < 0.5).astype(float)
    z = rng.normal(scale=3.0, size=shape)
    expected = keras_loss(keras.losses.BinaryCrossentropy, y, z, reduction, from_logits=True)
    got = student.binary_crossentropy_from_logits(y, z, reduction=reduction)
    check(
        got,
        expected,
        reduction,
        f'binary_crossentropy_from_logits(y_true, logits, reduction="{reduction}") on shape {shape}',
        hint="max(z, 0) - z * y + log(1 + exp(-|z|)), averaged over the last axis per sample.",
    )


def test_bce_from_logits_extreme(student):
    z = np.array([1000.0, -1000.0, 1000.0, -1000.0, 40.0, -40.0, 25.0, -25.0, 0.0, 3.0])
    y = np.array([1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0])
    what = 'binary_crossentropy_from_logits(y_true, logits, reduction="none") with logits up to +-1000'
    got = expect_array(student.binary_crossentropy_from_logits(y, z, reduction="none"), what=what, shape=(10,))
    expect_finite(got, what)
    expected = keras_loss(keras.losses.BinaryCrossentropy, y, z, "none", from_logits=True)
    expect_close(
        got,
        expected,
        what=what,
        rtol=RTOL,
        atol=ATOL,
        hint="Do not go through sigmoid and log: sigmoid rounds to exactly 0 or 1 for large |z|. "
        "Use max(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))).",
    )


# --- categorical cross-entropy ------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_cce_matches_keras(student, reduction):
    y, p = categorical_data(25, 4, seed=5)
    expected = keras_loss(keras.losses.CategoricalCrossentropy, y, p, reduction)
    got = student.categorical_crossentropy(y, p, reduction=reduction)
    check(
        got,
        expected,
        reduction,
        f'categorical_crossentropy(y_true_onehot, p, reduction="{reduction}") with 25 samples, 4 classes',
        hint="Per sample, sum -y log p over the classes (the last axis); then reduce over the samples.",
    )


def test_cce_clipping(student):
    y = np.eye(3)[[0, 1, 2, 2]]
    p = np.array([[0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.5, 0.5, 0.0], [0.1, 0.2, 0.7]])
    what = 'categorical_crossentropy(y_true_onehot, p, reduction="none") with p exactly 0 and 1'
    got = expect_array(student.categorical_crossentropy(y, p, reduction="none"), what=what, shape=(4,))
    expect_finite(got, what)
    expected = keras_loss(keras.losses.CategoricalCrossentropy, y, p, "none")
    expect_close(got, expected, what=what, rtol=RTOL, atol=ATOL, hint="Clip p to [eps, 1 - eps] before np.log.")


# --- reductions, for every loss ------------------------------------------------


def _inputs(name):
    if name == "categorical_crossentropy":
        return categorical_data(12, 5, seed=6)
    if name == "binary_crossentropy_from_logits":
        rng = np.random.default_rng(6)
        return (rng.random((12, 5)) < 0.5).astype(float), rng.normal(scale=2.0, size=(12, 5))
    if name == "binary_crossentropy":
        return binary_data((12, 5), seed=6)
    return regression_data((12, 5), seed=6)


@pytest.mark.parametrize(
    "name", ["mse", "mae", "binary_crossentropy", "binary_crossentropy_from_logits", "categorical_crossentropy"]
)
def test_reductions_consistent(student, name):
    y, y_pred = _inputs(name)  # 12 samples with 5 values each
    fn = getattr(student, name)
    none = expect_array(
        fn(y, y_pred, reduction="none"), what=f'{name}(..., reduction="none") for 12 samples of 5', shape=(12,)
    )
    mean = expect_number(fn(y, y_pred), what=f"{name}(...) with the default reduction")
    total = expect_number(fn(y, y_pred, reduction="sum"), what=f'{name}(..., reduction="sum")')
    expect_close(
        mean,
        float(np.mean(none)),
        what=f'{name}(...) (default "mean") against the mean of "none"',
        rtol=1e-5,
        atol=1e-9,
        hint='The default reduction is "mean": the average over the samples.',
    )
    expect_close(
        total,
        12 * mean,
        what=f'{name}(..., reduction="sum") against 12 x the "mean" value',
        rtol=1e-5,
        atol=1e-9,
        hint='"sum" adds the per-sample losses: it is n times the mean.',
    )


def test_cce_uses_eps(student):
    y = np.eye(3)[[0, 1, 2, 0]]
    p = np.array([[0.0, 0.5, 0.5], [0.2, 0.8, 0.0], [0.3, 0.7, 0.0], [1.0, 0.0, 0.0]])
    eps = 1e-3
    expected = -np.sum(y * np.log(np.clip(p, eps, 1.0 - eps)), axis=-1)
    what = 'categorical_crossentropy(y_true_onehot, p, eps=1e-3, reduction="none")'
    got = student.categorical_crossentropy(y, p, eps=eps, reduction="none")
    check(got, expected, "none", what, rtol=1e-4, hint="Use the eps argument for the clipping, not a fixed constant.")


_ALL_LOSSES = ["mse", "mae", "binary_crossentropy", "binary_crossentropy_from_logits", "categorical_crossentropy"]


@pytest.mark.parametrize("name", _ALL_LOSSES)
def test_mean_and_sum_return_floats(student, name):
    y, y_pred = _inputs(name)
    for reduction in ("mean", "sum"):
        got = getattr(student, name)(y, y_pred, reduction=reduction)
        if isinstance(got, np.ndarray) or not isinstance(got, (float, np.floating)):
            kind = f"an array of shape {got.shape}" if isinstance(got, np.ndarray) else f"a {type(got).__name__}"
            fail(
                f'{name}(..., reduction="{reduction}"): expected a float. Received: {kind}; '
                "convert the reduced value with float(...)."
            )


# --- properties: any n and k (1 included), float32 or float64, zeros, extremes ---------------

_SETTINGS = property_settings(25)
_UNIT = st.floats(-1.0, 1.0, allow_nan=False, width=32)
_PROBABILITY = st.one_of(st.sampled_from([0.0, 1.0, 0.5]), st.floats(0.0, 1.0, width=32))


@st.composite
def _loss_case(draw, name):
    """(y_true, y_pred, reduction): shape (n,) or (n, k) with n, k from 1 to 4."""
    n, k = draw(st.sampled_from([1, 2, 4])), draw(st.integers(1, 4))  # one sample drawn often
    shape = draw(st.sampled_from([(n,), (n, k)]))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    reduction = draw(st.sampled_from(["mean", "sum"]))  # "none" is checked on every example too
    if name in ("mse", "mae"):
        scale = dtype(draw(st.sampled_from([0.0, 1.0, 1e3, 1e6])))
        y = draw(hnp.arrays(dtype, shape, elements=_UNIT)) * scale
        return y, draw(hnp.arrays(dtype, shape, elements=_UNIT)) * scale, reduction
    labels = draw(hnp.arrays(np.int64, shape, elements=st.integers(0, 1)))
    labels = labels.astype(draw(st.sampled_from([np.int64, dtype])))  # integer or float labels
    if name == "binary_crossentropy":
        return labels, draw(hnp.arrays(dtype, shape, elements=_PROBABILITY)), reduction
    if name == "binary_crossentropy_from_logits":
        scale = dtype(draw(st.sampled_from([0.0, 1.0, 30.0, 1000.0])))
        return labels, draw(hnp.arrays(dtype, shape, elements=_UNIT)) * scale, reduction
    n, k = shape[0], shape[-1] if len(shape) == 2 else 3
    y = np.eye(k, dtype=labels.dtype)[draw(hnp.arrays(np.int64, (n,), elements=st.integers(0, k - 1)))]
    weights = draw(hnp.arrays(np.float64, (n, k), elements=st.sampled_from([0.0, 0.5, 1.0, 2.0, 1e-9])))
    weights[:, 0] += (weights.sum(axis=1) == 0) * 1.0  # every row needs some mass
    return y, (weights / weights.sum(axis=1, keepdims=True)).astype(dtype), reduction


def _terms(name, y, y_pred, low, high):
    """The judge's own per-element loss in float64."""
    if name == "mse":
        return (y_pred - y) ** 2
    if name == "mae":
        return np.abs(y_pred - y)
    if name == "binary_crossentropy_from_logits":
        return np.logaddexp(0.0, y_pred) - y_pred * y  # log(1 + e^z) - z y
    q = np.clip(y_pred, low, high)
    if name == "binary_crossentropy":
        return -(y * np.log(q) + (1.0 - y) * np.log(1.0 - q))
    return -y * np.log(q)


def _per_element(name, y, y_pred, eps=1e-7):
    """Per-element losses as (low, high) over the float64 computation and Keras' float32 one.

    Keras rounds the inputs and the clipping bounds to float32; a solution that does the same
    is as right as one in float64, so the value must lie between the two (up to rounding).
    """
    variants = []
    for dtype in (np.float64, np.float32):
        y_d, p_d = y.astype(dtype).astype(float), y_pred.astype(dtype).astype(float)
        bounds = (float(dtype(eps)), float(dtype(1.0 - eps)))
        variants.append(_terms(name, y_d, p_d, *bounds))
        variants.append(_terms(name, y_d, p_d, eps, 1.0 - eps))
    return np.min(variants, axis=0), np.max(variants, axis=0)


def _reduce(name, terms, reduction):
    if name == "categorical_crossentropy":
        per_sample = terms.sum(axis=-1)
    else:
        per_sample = terms.mean(axis=-1) if terms.ndim == 2 else terms
    return {"mean": per_sample.mean(), "sum": per_sample.sum(), "none": per_sample}[reduction]


@pytest.mark.parametrize("name", _ALL_LOSSES)
@_SETTINGS
@given(data=st.data())
def test_losses_property(student, name, data):
    """Every loss on shapes (n,) and (n, k) with n = 1 and k = 1 included, float32 or float64 inputs,
    integer or float labels, zeros, exact 0 and 1 probabilities, values up to 1e6 (logits up to ±1000)."""
    y, y_pred, reduced = data.draw(_loss_case(name))
    for reduction in ("none", reduced):
        _check_loss_property(student, name, y, y_pred, reduction)


def _check_loss_property(student, name, y, y_pred, reduction):
    what = (
        f'{name}(y_true, y_pred, reduction="{reduction}") on y_true of shape {y.shape} '
        f"and dtype {y.dtype}, y_pred of dtype {y_pred.dtype}"
    )
    got = getattr(student, name)(y, y_pred, reduction=reduction)
    low, high = (np.asarray(_reduce(name, t, reduction), dtype=float) for t in _per_element(name, y, y_pred))
    got = expect_array(got, what=what, shape=low.shape) if reduction == "none" else expect_number(got, what=what)
    expect_finite(got, what)
    slack = 1e-5 * np.maximum(np.abs(low), np.abs(high)) + 1e-6  # float32 rounds 1 - p to 6e-8
    if np.all((got >= low - slack) & (got <= high + slack)):
        return
    hint = "One value per sample (the mean over the last axis of a 2-D array; the sum over the classes for the "
    hint += "categorical cross-entropy), also when n = 1 or k = 1: no squeeze."
    check(got, low, reduction, what, hint=hint, rtol=1e-5, atol=1e-6)
