"""Hidden tests for 03_activations.

Expected values come from keras.activations (computed here, in float64) and from
central finite differences of those; the XOR data and the linear baseline are
computed here with NumPy.
"""

import keras
import numpy as np
import pytest
import scipy.special
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.testing import expect_array, expect_close, expect_model, fail, once_per_submission, property_settings


def _keras(fn, x, **kwargs):
    """Evaluate a keras.activations function on a float64 NumPy array."""
    return np.asarray(keras.ops.convert_to_numpy(fn(np.asarray(x, dtype="float64"), **kwargs)))


def _expect_finite(got, what, hint):
    if not np.all(np.isfinite(got)):
        fail(f"{what}: expected only finite numbers. Received NaN or inf. {hint}")


def _random_inputs(seed, shape=(6, 5), scale=4.0):
    return np.random.default_rng(seed).normal(scale=scale, size=shape)


# ---------------------------------------------------------------- activations


def test_sigmoid_matches_keras(student):
    x = _random_inputs(31)
    got = expect_array(student.sigmoid(x), what="sigmoid(x)", shape=x.shape)
    expect_close(
        got,
        _keras(keras.activations.sigmoid, x),
        what="sigmoid(x)",
        rtol=1e-5,
        atol=1e-7,
        hint="sigmoid(x) = 1 / (1 + exp(-x)).",
    )


def test_sigmoid_stable_at_extremes(student):
    x = np.array([-1000.0, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1000.0])
    got = expect_array(student.sigmoid(x), what="sigmoid(x) at x = ±1000", shape=x.shape)
    hint = (
        "exp(1000) overflows: for x < 0 write sigmoid as exp(x) / (1 + exp(x)), "
        "for x >= 0 as 1 / (1 + exp(-x)), so exp only sees numbers <= 0."
    )
    _expect_finite(got, "sigmoid(x) at x = ±1000", hint)
    expect_close(
        got,
        _keras(keras.activations.sigmoid, x),
        what="sigmoid(x) at x = ±1000",
        rtol=1e-6,
        atol=1e-8,
        hint="sigmoid tends to 0 as x -> -inf and to 1 as x -> +inf.",
    )


def test_relu_matches_keras(student):
    x = _random_inputs(32)
    got = expect_array(student.relu(x), what="relu(x)", shape=x.shape)
    expect_close(
        got,
        _keras(keras.activations.relu, x),
        what="relu(x)",
        hint="relu(x) = max(0, x), element by element (np.maximum, not np.max).",
    )


def test_leaky_relu_matches_keras(student):
    x = _random_inputs(33)
    got = expect_array(student.leaky_relu(x), what="leaky_relu(x)", shape=x.shape)
    expect_close(
        got,
        _keras(keras.activations.leaky_relu, x, negative_slope=0.01),
        what="leaky_relu(x) with the default alpha",
        hint="leaky_relu(x) = x for x > 0 and alpha * x otherwise; the default alpha is 0.01.",
    )
    got = expect_array(student.leaky_relu(x, 0.2), what="leaky_relu(x, 0.2)", shape=x.shape)
    expect_close(
        got,
        _keras(keras.activations.leaky_relu, x, negative_slope=0.2),
        what="leaky_relu(x, alpha=0.2)",
        hint="Use the alpha argument, not a fixed 0.01.",
    )


def test_tanh_matches_keras(student):
    x = np.concatenate([_random_inputs(34, shape=(20,)), [-1000.0, -50.0, 0.0, 50.0, 1000.0]])
    got = expect_array(student.tanh(x), what="tanh(x)", shape=x.shape)
    hint = "exp(1000) overflows to inf and inf / inf is NaN; np.tanh is stable."
    _expect_finite(got, "tanh(x) for x in [-1000, 1000]", hint)
    expect_close(
        got,
        _keras(keras.activations.tanh, x),
        what="tanh(x)",
        rtol=1e-5,
        atol=1e-7,
        hint="tanh tends to -1 and 1 for large |x|.",
    )


def test_softmax_matches_keras(student):
    z = _random_inputs(35, shape=(8, 5), scale=3.0)
    got = expect_array(student.softmax(z), what="softmax(z) for z of shape (8, 5)", shape=z.shape)
    expect_close(
        got,
        _keras(keras.activations.softmax, z, axis=-1),
        what="softmax(z)",
        rtol=1e-5,
        atol=1e-7,
        hint="Each row is one sample: exponentiate, then divide by the row's sum.",
    )


def test_softmax_stable_at_extremes(student):
    z = np.array([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, 0.0], [-1000.0, -1000.0, -1000.0]])
    what = "softmax(z) with scores of ±1000"
    got = expect_array(student.softmax(z), what=what, shape=z.shape)
    hint = (
        "Subtract each row's maximum before exponentiating: softmax(z) = softmax(z - max(z)), "
        "and exp of a number <= 0 never overflows."
    )
    _expect_finite(got, what, hint)
    expect_close(got, _keras(keras.activations.softmax, z, axis=-1), what=what, rtol=1e-6, atol=1e-8, hint=hint)


@pytest.mark.parametrize("axis", [0, 1])
def test_softmax_along_axis(student, axis):
    z = _random_inputs(36 + axis, shape=(3, 4, 5), scale=2.0)
    what = f"softmax(z, axis={axis}) for z of shape (3, 4, 5)"
    got = expect_array(student.softmax(z, axis), what=what, shape=z.shape)
    sums = got.sum(axis=axis)
    if not np.allclose(sums, 1.0, rtol=1e-6, atol=1e-6):
        fail(
            f"{what}: expected the values to sum to 1 along axis {axis}. They do not. "
            "Pass axis=axis (and keepdims=True) to np.max and np.sum."
        )
    expect_close(
        got,
        _keras(keras.activations.softmax, z, axis=axis),
        what=what,
        rtol=1e-5,
        atol=1e-7,
        hint="Normalise along the requested axis only.",
    )


# ---------------------------------------------------------------- derivatives

_NEGATIVE_SLOPE = 0.2  # alpha passed to leaky_relu_grad in the finite-difference test


def _keras_function(name):
    if name == "leaky_relu":
        return lambda x: keras.activations.leaky_relu(x, negative_slope=_NEGATIVE_SLOPE)
    return getattr(keras.activations, name)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_derivatives_match_finite_differences(student, name):
    x = np.random.default_rng(40).uniform(-6.0, 6.0, size=40)
    x = x[np.abs(x) > 1e-2]  # stay away from the kink of relu and leaky_relu
    h = 1e-5
    f = _keras_function(name)
    expected = (_keras(f, x + h) - _keras(f, x - h)) / (2 * h)
    if name == "leaky_relu":
        what = f"leaky_relu_grad(x, {_NEGATIVE_SLOPE})"
        got = student.leaky_relu_grad(x, _NEGATIVE_SLOPE)
    else:
        what = f"{name}_grad(x)"
        got = getattr(student, f"{name}_grad")(x)
    got = expect_array(got, what=what, shape=x.shape)
    expect_close(
        got,
        expected,
        what=what,
        rtol=1e-5,
        atol=1e-6,
        hint=f"Compare with the central difference ({name}(x + h) - {name}(x - h)) / (2h); "
        "the argument is the input of the activation, not its output.",
    )


def test_derivatives_at_special_points(student):
    x = np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])
    cases = [
        (
            "sigmoid_grad(x)",
            student.sigmoid_grad(x),
            np.array([0.0, np.exp(-1.0) / (1 + np.exp(-1.0)) ** 2, 0.25, np.exp(-1.0) / (1 + np.exp(-1.0)) ** 2, 0.0]),
        ),
        ("tanh_grad(x)", student.tanh_grad(x), np.array([0.0, 1 - np.tanh(1.0) ** 2, 1.0, 1 - np.tanh(1.0) ** 2, 0.0])),
        ("relu_grad(x)", student.relu_grad(x), np.array([0.0, 0.0, 0.0, 1.0, 1.0])),
        ("leaky_relu_grad(x, 0.1)", student.leaky_relu_grad(x, 0.1), np.array([0.1, 0.1, 0.1, 1.0, 1.0])),
    ]
    for what, got, expected in cases:
        what = f"{what} at x = -1000, -1, 0, 1, 1000"
        got = expect_array(got, what=what, shape=x.shape)
        _expect_finite(got, what, "The derivative of a stable activation is stable too.")
        expect_close(
            got,
            expected,
            what=what,
            rtol=1e-5,
            atol=1e-7,
            hint="At x = 0 ReLU's slope is taken as 0 and leaky ReLU's as alpha; "
            "sigmoid and tanh flatten out for large |x|.",
        )


# ---------------------------------------------------------------- properties

# The judge's own element-wise formulas (SciPy and NumPy), evaluated in float64.
_ELEMENTWISE = {
    "sigmoid": lambda x, alpha: scipy.special.expit(x),
    "relu": lambda x, alpha: np.maximum(x, 0.0),
    "leaky_relu": lambda x, alpha: np.where(x > 0, x, alpha * x),
    "tanh": lambda x, alpha: np.tanh(x),
    "sigmoid_grad": lambda x, alpha: scipy.special.expit(x) * scipy.special.expit(-x),
    "relu_grad": lambda x, alpha: (x > 0).astype(float),
    "leaky_relu_grad": lambda x, alpha: np.where(x > 0, 1.0, alpha),
    "tanh_grad": lambda x, alpha: 1.0 / np.cosh(np.clip(x, -350.0, 350.0)) ** 2,
}
_SETTINGS = property_settings(25)


@st.composite
def _arrays(draw, max_dims=3):
    """Any shape with 1 to 3 axes of 1 to 4 entries, float64 or float32, zeros, ties and values up to ±1000."""
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=max_dims, min_side=1, max_side=4))
    scale = draw(st.sampled_from([0.0, 1.0, 30.0, 1000.0]))
    unit = st.floats(-1.0, 1.0, allow_nan=False, width=32)
    return draw(hnp.arrays(dtype, shape, elements=unit)) * dtype(scale)


@pytest.mark.parametrize("name", list(_ELEMENTWISE))
@_SETTINGS
@given(x=_arrays(), alpha=st.sampled_from([None, 0.2]))
def test_elementwise_property(student, name, x, alpha):
    """Every shape (a single entry and size-1 axes too), float32 and float64, zeros and ±1000."""
    uses_alpha = name.startswith("leaky")
    if uses_alpha and alpha is not None:
        what = f"{name}(x, {alpha}) for x of shape {x.shape} and dtype {x.dtype}"
        got = getattr(student, name)(x, alpha)
    else:
        what = f"{name}(x) for x of shape {x.shape} and dtype {x.dtype}"
        got = getattr(student, name)(x)
    got = expect_array(got, what=what, shape=x.shape)
    _expect_finite(got, what, "Keep every step finite for inputs as large as ±1000.")
    expected = _ELEMENTWISE[name](x.astype(float), 0.01 if alpha is None else alpha)
    expect_close(
        got,
        expected,
        what=what,
        rtol=1e-5,
        atol=1e-7,
        hint="Work element by element and return an array of the input's shape (no squeeze, no flatten); "
        "the default alpha is 0.01.",
    )


@st.composite
def _scores_and_axis(draw):
    z = draw(_arrays())
    return z, draw(st.integers(-z.ndim, z.ndim - 1))


@_SETTINGS
@given(data=_scores_and_axis(), pass_axis=st.booleans())
def test_softmax_property(student, data, pass_axis):
    """softmax along any axis of an array with 1 to 3 axes, ties and scores up to ±1000."""
    z, axis = data
    if pass_axis:
        what = f"softmax(z, axis={axis}) for z of shape {z.shape} and dtype {z.dtype}"
        got = student.softmax(z, axis=axis)
    else:
        axis = -1
        what = f"softmax(z) for z of shape {z.shape} and dtype {z.dtype}"
        got = student.softmax(z)
    got = expect_array(got, what=what, shape=z.shape)
    _expect_finite(got, what, "Subtract the maximum along the axis before exponentiating.")
    expect_close(
        got,
        scipy.special.softmax(z.astype(float), axis=axis),
        what=what,
        rtol=1e-5,
        atol=1e-7,
        hint="Normalise along the axis asked for (the last one by default), for any number of axes; "
        "np.max and np.sum with axis=axis, keepdims=True.",
    )


_ALL_ELEMENTWISE = [
    "sigmoid",
    "relu",
    "leaky_relu",
    "tanh",
    "sigmoid_grad",
    "relu_grad",
    "leaky_relu_grad",
    "tanh_grad",
]


def test_activations_return_float_arrays(student):
    x = np.array([[-3, 0, 2], [5, -1, 0]])  # integers in, floats out
    for name in [*_ALL_ELEMENTWISE, "softmax"]:
        what = f"{name}(x) for an integer array x of shape (2, 3)"
        got = getattr(student, name)(x)
        if not isinstance(got, np.ndarray) or got.dtype.kind != "f":
            kind = f"an array of dtype {got.dtype}" if isinstance(got, np.ndarray) else type(got).__name__
            fail(
                f"{what}: expected a NumPy float array. Received: {kind}. "
                "Convert the input first, e.g. x = np.asarray(x, dtype=float)."
            )
        if name == "softmax":
            expected = scipy.special.softmax(x.astype(float), axis=-1)
        else:
            expected = _ELEMENTWISE[name](x.astype(float), 0.01)
        expect_close(got, expected, what=what, rtol=1e-5, atol=1e-7, hint="Compute in floating point.")


# ---------------------------------------------------------------- XOR

# The four corners, in a different order than in the task text.
_XOR_X = np.array([[1.0, 1.0], [0.0, 1.0], [0.0, 0.0], [1.0, 0.0]], dtype="float32")
_XOR_Y = np.array([0.0, 1.0, 0.0, 1.0], dtype="float32")
_NONLINEAR_LAYERS = ("ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax")


def _best_linear_fit(X, y):
    """Least-squares affine fit y ~ X w + b, the best a linear model can do in squared error."""
    A = np.c_[X, np.ones(len(X))]
    coef, *_ = np.linalg.lstsq(A.astype("float64"), y.astype("float64"), rcond=None)
    return A @ coef


def _flat_layers(model):
    layers = []
    for layer in model.layers:
        layers.extend(_flat_layers(layer) if hasattr(layer, "layers") else [layer])
    return layers


def _is_nonlinear(layer):
    if type(layer).__name__ in _NONLINEAR_LAYERS:
        return True
    activation = getattr(layer, "activation", None)
    if activation is None:
        return False
    name = keras.activations.serialize(activation)
    if isinstance(name, dict):
        name = name.get("config", name.get("class_name", "unknown"))
    return name != "linear"


def _xor_model(student):
    """The student's XOR model, trained once per submission: the three tests below look at the same model."""
    model = once_per_submission(student, "xor_model", lambda: student.xor_model(_XOR_X, _XOR_Y))
    return expect_model(model, what="xor_model(X, y)")


def test_xor_model_fits(student):
    # A linear model cannot fit XOR: the best affine fit predicts 0.5 at all four corners.
    linear = _best_linear_fit(_XOR_X, _XOR_Y)
    if not np.allclose(linear, 0.5, atol=1e-9):  # the judge's own arithmetic, not the student's
        raise RuntimeError("the least-squares baseline on XOR is not constant")

    model = _xor_model(student)
    pred = np.asarray(keras.ops.convert_to_numpy(model(_XOR_X, training=False)), dtype=float)
    if pred.size != len(_XOR_X):
        fail(
            f"xor_model(X, y): expected the model to output one probability per sample, "
            f"shape (4, 1). Received output shape {pred.shape}. End with Dense(1, activation='sigmoid')."
        )
    pred = pred.reshape(-1)
    _expect_finite(pred, "xor_model(X, y) predictions", "Check the training data and loss.")
    correct = int(np.sum((pred > 0.5) == (_XOR_Y > 0.5)))
    if correct < len(_XOR_Y):
        fail(
            f"xor_model(X, y): expected all 4 XOR points classified correctly (threshold 0.5). "
            f"Received {correct} of 4 correct. A linear model cannot do better than 3 of 4: "
            "use a hidden layer with a non-linear activation (e.g. tanh) and train long enough."
        )


def test_xor_model_hidden_activation_is_nonlinear(student):
    model = _xor_model(student)
    layers = _flat_layers(model)
    weighted = [i for i, layer in enumerate(layers) if layer.weights]
    if len(weighted) < 2:
        fail(
            f"xor_model(X, y): expected a hidden layer before the output layer. "
            f"Received a model with {len(weighted)} layer(s) holding weights."
        )
    hidden = layers[: weighted[-1]]
    if not any(_is_nonlinear(layer) for layer in hidden):
        fail(
            "xor_model(X, y): expected a non-linear activation (tanh, relu, sigmoid, ...) "
            "in a hidden layer. Received only linear hidden layers, which collapse into one "
            "linear map and cannot separate XOR."
        )


def _output_activation(layers):
    """The activation applied after the last layer with weights: its own, or a later Activation layer's."""
    weighted = [i for i, layer in enumerate(layers) if layer.weights]
    last = layers[weighted[-1]]
    names = [keras.activations.serialize(last.activation)] if hasattr(last, "activation") else []
    for layer in layers[weighted[-1] + 1 :]:
        if isinstance(layer, keras.layers.Activation):
            names.append(keras.activations.serialize(layer.activation))
        elif type(layer).__name__ not in ("Dropout", "InputLayer", "Flatten", "Reshape"):
            names.append(type(layer).__name__)
    names = [n.get("config", n) if isinstance(n, dict) else n for n in names]
    return last, [n for n in names if n != "linear"]


def test_xor_model_outputs_probabilities(student):
    model = _xor_model(student)
    layers = _flat_layers(model)
    if not any(layer.weights for layer in layers):
        fail("xor_model(X, y): expected Dense layers with weights. Received a model without any.")
    last, activations = _output_activation(layers)
    if not isinstance(last, keras.layers.Dense) or last.units != 1 or activations != ["sigmoid"]:
        kind = f"{type(last).__name__}" + (f" with {last.units} unit(s)" if hasattr(last, "units") else "")
        fail(
            f"xor_model(X, y): expected the output to be one Dense unit with a sigmoid activation, "
            f"the probability of label 1. Received: the last layer with weights is a {kind}, "
            f"followed by the activation(s) {activations or ['linear']}."
        )
    # the probability must stay in [0, 1] everywhere, not only at the four corners
    grid = np.random.default_rng(7).uniform(-50.0, 50.0, size=(64, 2)).astype("float32")
    pred = np.asarray(keras.ops.convert_to_numpy(model(grid, training=False)), dtype=float)
    if pred.shape != (64, 1):
        fail(f"xor_model(X, y): expected output shape (n, 1) for n inputs. Received: {pred.shape} for n = 64.")
    _expect_finite(pred, "xor_model(X, y) predictions far from the corners", "Check the output layer.")
    if pred.min() < 0.0 or pred.max() > 1.0:
        fail(
            "xor_model(X, y): the outputs must be probabilities, between 0 and 1, for any input. "
            "Received values outside [0, 1]: end with Dense(1, activation='sigmoid')."
        )
