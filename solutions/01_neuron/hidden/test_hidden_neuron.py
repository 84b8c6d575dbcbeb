import keras
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.testing import (
    expect_array,
    expect_close,
    expect_model,
    expect_number,
    fail,
    once_per_submission,
    property_settings,
)

# Keras computes in float32; NumPy answers may be float32 or float64.
RTOL, ATOL = 1e-5, 1e-5

TRANSPOSE_HINT = (
    "X has one sample per row, shape (n_samples, n_inputs); "
    "W has shape (n_units, n_inputs); the output has shape (n_samples, n_units)."
)


def _data(seed, n_samples, n_inputs, n_units):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, n_inputs))
    W = rng.normal(size=(n_units, n_inputs))
    b = rng.normal(size=n_units)
    return X, W, b


def _case_id(shape):
    n_samples, n_inputs, n_units = shape
    return f"X{n_samples}x{n_inputs}-W{n_units}x{n_inputs}"


# --- neuron -----------------------------------------------------------------


@pytest.mark.parametrize("seed, n_inputs", [(10, 1), (11, 3), (12, 7)], ids=["1-input", "3-inputs", "7-inputs"])
def test_neuron_matches_formula(student, seed, n_inputs):
    rng = np.random.default_rng(seed)
    x, w = rng.normal(size=n_inputs), rng.normal(size=n_inputs)
    b = float(rng.normal())
    y = expect_number(student.neuron(x, w, b), what=f"neuron(x, w, b) with {n_inputs} input(s)")
    expect_close(
        y,
        float(np.sum(w * x) + b),
        what=f"neuron(x, w, b) with {n_inputs} input(s)",
        rtol=RTOL,
        atol=ATOL,
        hint="Multiply each input by its weight, sum the products, then add the bias.",
    )


def test_neuron_returns_python_float(student):
    x, w = np.array([1.0, -2.0, 0.5, 4.0]), np.array([0.25, 0.5, -2.0, 1.0])
    got = student.neuron(x, w, 0.75)
    what = "neuron(x, w, b) with 4 inputs"
    if isinstance(got, np.ndarray):
        fail(
            f"{what}: expected a single Python float, not an array. Received: an array of shape {got.shape}; "
            "convert the result with float(...)."
        )
    if not isinstance(got, float):
        fail(f"{what}: expected a single Python float. Received: a {type(got).__name__}; convert it with float(...).")
    expect_close(got, float(np.sum(w * x) + 0.75), what=what, hint="sum_i w_i x_i + b.")


# --- dense_forward ------------------------------------------------------------

# (n_samples, n_inputs, n_units): non-square W, one sample, one unit, one square W
DENSE_CASES = [(5, 4, 3), (1, 6, 2), (8, 3, 5), (4, 5, 1), (6, 4, 4)]


@pytest.mark.parametrize("shape", DENSE_CASES, ids=_case_id)
def test_dense_forward_shape(student, shape):
    n_samples, _, n_units = shape
    X, W, b = _data(20 + sum(shape), *shape)
    expect_array(
        student.dense_forward(X, W, b),
        what=f"dense_forward(X, W, b) with X of shape {X.shape} and W of shape {W.shape}",
        shape=(n_samples, n_units),
    )


@pytest.mark.parametrize("shape", DENSE_CASES, ids=_case_id)
def test_dense_forward_values(student, shape):
    X, W, b = _data(40 + sum(shape), *shape)
    what = f"dense_forward(X, W, b) with X of shape {X.shape} and W of shape {W.shape}"
    got = expect_array(student.dense_forward(X, W, b), what=what, shape=(shape[0], shape[2]))
    expect_close(
        got,
        X @ W.T + b,
        what=what,
        rtol=RTOL,
        atol=ATOL,
        hint="Entry [k, i] is neuron(X[k], W[i], b[i]). " + TRANSPOSE_HINT,
    )


# Property test: every shape from 1 to 4 in each dimension (one sample, one unit, one input
# included), float64 and float32 inputs, zeros and magnitudes up to 1e6.
_SIZES = st.integers(1, 4)
_SCALES = st.sampled_from([0.0, 1.0, 1e3, 1e6])


@st.composite
def _dense_inputs(draw):
    """Hypothesis draws the shape, dtype, scale and a seed; NumPy draws the numbers (cheap per example)."""
    n_samples, n_inputs, n_units = draw(_SIZES), draw(_SIZES), draw(_SIZES)
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    scale = dtype(draw(_SCALES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    X = rng.uniform(-1.0, 1.0, size=(n_samples, n_inputs)).astype(dtype) * scale
    W = rng.uniform(-1.0, 1.0, size=(n_units, n_inputs)).astype(dtype)
    b = rng.uniform(-1.0, 1.0, size=n_units).astype(dtype) * scale
    return X, W, b


@property_settings(30)
@given(data=_dense_inputs())
def test_dense_forward_property(student, data):
    """Any shape (1 sample, 1 unit, 1 input too), float32 or float64, zeros, large values."""
    X, W, b = data
    what = f"dense_forward(X, W, b) with X of shape {X.shape} and W of shape {W.shape}, dtype {X.dtype}"
    got = expect_array(student.dense_forward(X, W, b), what=what, shape=(X.shape[0], W.shape[0]))
    X64, W64, b64 = X.astype(float), W.astype(float), b.astype(float)
    expected = X64 @ W64.T + b64
    # float32 rounding is relative to the size of the terms, not of their (possibly cancelling) sum
    size = np.abs(X64) @ np.abs(W64).T + np.abs(b64)
    expect_close(
        got,
        expected,
        what=what,
        rtol=1e-5,
        atol=1e-5 * size + 1e-9,
        hint="Entry [k, i] is neuron(X[k], W[i], b[i]). "
        + TRANSPOSE_HINT
        + " Keep the 2-D shape even when a dimension is 1 (no squeeze).",
    )


# --- keras_dense ----------------------------------------------------------------


def _dense_layers(layer):
    found = []
    for sub in getattr(layer, "layers", []):
        if isinstance(sub, keras.layers.Dense):
            found.append(sub)
        else:
            found.extend(_dense_layers(sub))
    return found


def _the_dense_layer(model, what):
    dense = _dense_layers(model)
    if len(dense) != 1:
        fail(f"{what}: expected a model with exactly one keras.layers.Dense layer, found {len(dense)}.")
    return dense[0]


# One model per (student, W, b): the layer, weights and output tests share the same inputs, so a
# submission builds, sends and rebuilds 5 models, not 7 (the child reseeds before every call, so
# asking again would return the same model).
def _keras_model(student, W, b):
    what = f"keras_dense(W, b) with W of shape {W.shape}"
    key = ("keras_dense", W.shape, W.tobytes(), b.tobytes())
    return once_per_submission(student, key, lambda: expect_model(student.keras_dense(W, b), what=what)), what


def _check_model_output(student, X, W, b, hint):
    """keras_dense(W, b) called by the judge on X gives dense_forward(X, W, b)."""
    model, what = _keras_model(student, W, b)
    try:
        out = model(X.astype("float32"))
    except Exception as err:  # noqa: BLE001 -- the judge calls the model: say why it failed
        fail(
            f"{what}: calling the returned model on a batch of shape {X.shape} raised "
            f"{type(err).__name__}: {str(err)[:200]}"
        )
    got = expect_array(keras.ops.convert_to_numpy(out), what=f"{what}: model(X)", shape=(X.shape[0], W.shape[0]))
    expect_close(got, X @ W.T + b, what=f"{what}: model(X)", rtol=RTOL, atol=ATOL, hint=hint)


MATCH_CASES = [(16, 5, 3), (7, 3, 6)]  # (n_samples, n_inputs, n_units) of the output tests


def _match_data(shape):
    return _data(80 + sum(shape), *shape)


def test_keras_dense_layer(student):
    _, W, b = _match_data(MATCH_CASES[0])
    model, what = _keras_model(student, W, b)
    layer = _the_dense_layer(model, what)
    if layer.units != W.shape[0]:
        fail(f"{what}: the Dense layer has {layer.units} units, expected n_units = {W.shape[0]}.")
    activation = layer.get_config().get("activation")
    if activation != "linear":
        fail(
            f"{what}: the Dense layer's activation is {activation!r}; a plain dense layer "
            "y = W x + b has none (activation=None, which Keras calls 'linear')."
        )


def test_keras_dense_weights(student):
    _, W, b = _match_data(MATCH_CASES[1])
    model, what = _keras_model(student, W, b)
    layer = _the_dense_layer(model, what)
    weights = layer.get_weights()
    if len(weights) != 2:
        fail(
            f"{what}: the Dense layer holds {len(weights)} weight array(s), expected 2 "
            "(kernel and bias); did you set use_bias=False?"
        )
    kernel, bias = weights
    kernel = expect_array(kernel, what=f"{what}: the Dense layer's kernel", shape=(W.shape[1], W.shape[0]))
    expect_close(
        kernel,
        W.T,
        what=f"{what}: the Dense layer's kernel",
        rtol=RTOL,
        atol=ATOL,
        hint="Keras' kernel has shape (n_inputs, n_units) and Keras computes "
        "X @ kernel + bias; a reshape is not a transpose.",
    )
    bias = expect_array(bias, what=f"{what}: the Dense layer's bias", shape=b.shape)
    expect_close(
        bias,
        b,
        what=f"{what}: the Dense layer's bias",
        rtol=RTOL,
        atol=ATOL,
        hint="Set both arrays: layer.set_weights([kernel, bias]).",
    )


@pytest.mark.parametrize("shape", MATCH_CASES, ids=_case_id)
def test_keras_dense_matches_numpy(student, shape):
    X, W, b = _match_data(shape)
    _check_model_output(
        student,
        X,
        W,
        b,
        "The model must compute dense_forward(X, W, b): same weights, kernel = W.T, and no activation function.",
    )


# (n_samples, n_inputs, n_units): one unit, one input, one sample
@pytest.mark.parametrize("shape", [(5, 4, 1), (6, 1, 3), (1, 1, 1)], ids=["1-unit", "1-input", "1-sample-1x1"])
def test_keras_dense_edge_shapes(student, shape):
    X, W, b = _data(90 + sum(shape), *shape)
    _check_model_output(
        student,
        X,
        W,
        b,
        "Keep W two-dimensional when it has one row or one column: the kernel is W.T, "
        "of shape (n_inputs, n_units); no squeeze.",
    )
