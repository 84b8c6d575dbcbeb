import keras
import numpy as np
import pytest

from grader.testing import expect_array, expect_close, expect_model, expect_number, fail

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


def _keras_model(student, W, b):
    what = f"keras_dense(W, b) with W of shape {W.shape}"
    return expect_model(student.keras_dense(W, b), what=what), what


def test_keras_dense_layer(student):
    _, W, b = _data(60, 1, 5, 3)
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
    _, W, b = _data(61, 1, 4, 6)
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


@pytest.mark.parametrize("shape", [(16, 5, 3), (7, 3, 6)], ids=_case_id)
def test_keras_dense_matches_numpy(student, shape):
    X, W, b = _data(80 + sum(shape), *shape)
    model, what = _keras_model(student, W, b)
    try:
        out = model(X.astype("float32"))
    except Exception as err:  # noqa: BLE001 -- the judge calls the model: say why it failed
        fail(
            f"{what}: calling the returned model on a batch of shape {X.shape} raised "
            f"{type(err).__name__}: {str(err)[:200]}"
        )
    got = expect_array(keras.ops.convert_to_numpy(out), what=f"{what}: model(X)", shape=(shape[0], shape[2]))
    expect_close(
        got,
        X @ W.T + b,
        what=f"{what}: model(X)",
        rtol=RTOL,
        atol=ATOL,
        hint="The model must compute dense_forward(X, W, b): same weights, kernel = W.T, and no activation function.",
    )
