"""Hidden tests for 08_submarine: training statistics only, the MLP's shape, and its skill."""

import keras
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from sklearn.linear_model import LinearRegression

from datasets.ocean import DEEP_RANGE, make_ocean
from grader.testing import (
    describe,
    expect_array,
    expect_close,
    expect_model,
    expect_number,
    fail,
    once_per_submission,
    property_settings,
)

TRAIN_SEED, TEST_SEED, DEEP_SEED = 2026, 2027, 2028
N_TRAIN, N_TEST, N_DEEP = 1500, 1000, 500
TARGET_NAMES = ("latitude", "longitude", "depth")
# The MLP must do clearly better than a straight line: its error (below) at most this fraction of
# linear regression's. Calibrated in CALIBRATION.md: with the targets standardised, the reference
# reaches 0.63-0.67 and smaller networks 0.70-0.74; the reference without target scaling 0.80-0.84.
SKILL_FRACTION = 0.77

LINEAR_ACTIVATIONS = (None, "linear")
NONLINEAR_LAYERS = (
    keras.layers.Activation,
    keras.layers.ReLU,
    keras.layers.LeakyReLU,
    keras.layers.ELU,
    keras.layers.PReLU,
    keras.layers.Softmax,
)


MEAN_HINT = "One mean per column of X_train: average over the samples, axis=0."
STD_HINT = "One standard deviation per column of X_train (axis=0), np.std with its default ddof=0."


def _ocean():
    X_train, Y_train = make_ocean(N_TRAIN, seed=TRAIN_SEED)
    X_test, Y_test = make_ocean(N_TEST, seed=TEST_SEED)
    return X_train, Y_train, X_test, Y_test


def _deep_ocean():
    """An extrapolation test set: the same basin, deeper than any training sample."""
    return make_ocean(N_DEEP, seed=DEEP_SEED, depth_range=DEEP_RANGE)


def _error(predictions, Y_test):
    """Root-mean-squared error of each output in units of that output's spread, averaged."""
    rmse = np.sqrt(np.mean((predictions - Y_test) ** 2, axis=0))
    return float(np.mean(rmse / Y_test.std(axis=0)))


# train_submarine trains a network: call it once per submission and share the answer between tests.
# The samples to predict are the usual test set followed by the deep (extrapolation) set.
def _train(student):
    def train():
        X_train, Y_train, X_test, _ = _ocean()
        X_deep = _deep_ocean()[0]
        return student.train_submarine(X_train, Y_train, np.vstack([X_test, X_deep]))

    result = once_per_submission(student, "train_submarine", train)
    what = "train_submarine(X_train, Y_train, X_test)"
    if not isinstance(result, dict):
        fail(
            f"{what}: expected a dict with keys 'predictions', 'history', 'x_mean', 'x_std'. "
            f"Received: a {type(result).__name__}"
        )
    missing = [key for key in ("predictions", "history", "x_mean", "x_std") if key not in result]
    if missing:
        fail(f"{what}: the returned dict has no key(s) {missing}.")
    return result, what


def _all_predictions(student):
    """The predictions for the usual test set and for the deep set, in that order."""
    result, what = _train(student)
    predictions = expect_array(result["predictions"], what=f'{what}["predictions"]', shape=(N_TEST + N_DEEP, 3))
    if not np.all(np.isfinite(predictions)):
        fail(f'{what}["predictions"] contains NaN or inf; did the training diverge?')
    return predictions[:N_TEST], predictions[N_TEST:], what


def _predictions(student):
    near, _, what = _all_predictions(student)
    return near, what


# --- standardise ------------------------------------------------------------------------


def test_standardise_values(student):
    X_train, _, X_test, _ = _ocean()
    X_train, X_test = X_train[:300], X_test[:200]
    what = "standardise(X_train, X_other) on ocean data"
    got = student.standardise(X_train, X_test)
    if not isinstance(got, tuple) or len(got) != 4:
        fail(f"{what}: expected a tuple (X_train_scaled, X_other_scaled, mean, std) of 4 arrays.")
    train_scaled, other_scaled, mean, std = got
    expect_close(
        expect_array(mean, what=f"{what}: mean", shape=(5,)),
        X_train.mean(axis=0),
        what=f"{what}: mean",
        rtol=1e-6,
        hint=MEAN_HINT,
    )
    expect_close(
        expect_array(std, what=f"{what}: std", shape=(5,)),
        X_train.std(axis=0),
        what=f"{what}: std",
        rtol=1e-6,
        hint=STD_HINT,
    )
    train_scaled = expect_array(train_scaled, what=f"{what}: X_train_scaled", shape=X_train.shape)
    expect_close(train_scaled.mean(axis=0), np.zeros(5), what=f"{what}: the column means of X_train_scaled", atol=1e-6)
    expect_close(train_scaled.std(axis=0), np.ones(5), what=f"{what}: the column std of X_train_scaled", rtol=1e-6)
    expect_close(
        other_scaled,
        (X_test - X_train.mean(axis=0)) / X_train.std(axis=0),
        what=f"{what}: X_other_scaled",
        rtol=1e-6,
        atol=1e-9,
    )


def test_standardise_uses_training_statistics_only(student):
    rng = np.random.default_rng(8)
    X_train = rng.normal(loc=[10.0, 500.0, 8.0], scale=[2.0, 300.0, 0.05], size=(200, 3))
    # a very different distribution: training statistics must not move
    X_other = rng.normal(loc=[40.0, 5000.0, 7.0], scale=[20.0, 100.0, 1.0], size=(600, 3))
    what = "standardise(X_train, X_other) with X_other from another distribution"
    got = student.standardise(X_train, X_other)
    if not isinstance(got, tuple) or len(got) != 4:
        fail(f"{what}: expected a tuple (X_train_scaled, X_other_scaled, mean, std) of 4 arrays.")
    _, other_scaled, mean, std = got
    hint = (
        "The statistics come from X_train only; X_other is scaled with them, "
        "as new data would be (no fitting on test data, not even on train and test together)."
    )
    expect_close(
        expect_array(mean, what=f"{what}: mean", shape=(3,)),
        X_train.mean(axis=0),
        what=f"{what}: mean",
        rtol=1e-6,
        hint=hint,
    )
    expect_close(
        expect_array(std, what=f"{what}: std", shape=(3,)),
        X_train.std(axis=0),
        what=f"{what}: std",
        rtol=1e-6,
        hint=hint,
    )
    expect_close(
        other_scaled,
        (X_other - X_train.mean(axis=0)) / X_train.std(axis=0),
        what=f"{what}: X_other_scaled",
        rtol=1e-6,
        atol=1e-9,
        hint=hint,
    )


def _judge_standardise(X_train, X_other):
    """The judge's own scaling, in float64: training statistics, a constant column gets std 1."""
    X_train, X_other = np.asarray(X_train, dtype=float), np.asarray(X_other, dtype=float)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (X_train - mean) / std, (X_other - mean) / std, mean, std


def _unpack_standardise(got, X_train, X_other, what):
    if not isinstance(got, tuple) or len(got) != 4:
        fail(f"{what}: expected a tuple (X_train_scaled, X_other_scaled, mean, std) of 4 arrays.")
    n_columns = X_train.shape[1]
    return (
        expect_array(got[0], what=f"{what}: X_train_scaled", shape=X_train.shape),
        expect_array(got[1], what=f"{what}: X_other_scaled", shape=X_other.shape),
        expect_array(got[2], what=f"{what}: mean", shape=(n_columns,)),
        expect_array(got[3], what=f"{what}: std", shape=(n_columns,)),
    )


CONSTANT_HINT = (
    "A column whose training values are all equal has standard deviation 0; it gets std = 1 "
    "instead, so that (X - mean) / std stays finite (0 for the training rows)."
)


def test_standardise_constant_column(student):
    X_train, _, X_test, _ = _ocean()
    X_train, X_other = X_train[:50].copy(), X_test[:20].copy()
    X_train[:, 3] = 35.0  # a salinity sensor stuck at one value during training
    X_other[:, 3] = np.linspace(34.0, 36.0, len(X_other))
    what = "standardise(X_train, X_other) when column 3 of X_train is constant (all 35.0)"
    train_scaled, other_scaled, mean, std = _unpack_standardise(
        student.standardise(X_train, X_other), X_train, X_other, what
    )
    expected = _judge_standardise(X_train, X_other)
    if not np.all(np.isfinite(train_scaled)) or not np.all(np.isfinite(other_scaled)):
        fail(f"{what}: the scaled arrays contain NaN or inf: a division by a standard deviation of 0. {CONSTANT_HINT}")
    hint = CONSTANT_HINT if std[3] != 1.0 else None
    expect_close(mean, expected[2], what=f"{what}: mean", rtol=1e-6, hint=MEAN_HINT)
    expect_close(std, expected[3], what=f"{what}: std", rtol=1e-6, hint=hint or STD_HINT)
    scaling = "Both arrays are scaled with the training mean and std: (X - mean) / std."
    expect_close(train_scaled, expected[0], what=f"{what}: X_train_scaled", rtol=1e-6, atol=1e-9, hint=hint or scaling)
    expect_close(other_scaled, expected[1], what=f"{what}: X_other_scaled", rtol=1e-6, atol=1e-9, hint=hint or scaling)


# Columns of exact binary fractions (an integer times a power of two): their sums, means and
# deviations are exact in float32 and float64 alike, so a constant column has std exactly 0 whatever
# the order of the additions, and the float32 rounding of a correct answer stays tiny.
SCALES = (2.0**-10, 1.0, 2.0**10, 2.0**20)  # about 0.001, 1, 1000, a million


@st.composite
def _standardise_inputs(draw):
    n_train, n_other, n_columns = draw(st.integers(1, 6)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    X_train = np.empty((n_train, n_columns))
    X_other = np.empty((n_other, n_columns))
    for j in range(n_columns):
        scale = draw(st.sampled_from(SCALES))
        offset = draw(st.integers(-1000, 1000))
        constant = draw(st.booleans())
        ints = st.integers(-5, 5)
        train = [0] * n_train if constant else draw(st.lists(ints, min_size=n_train, max_size=n_train))
        other = draw(st.lists(ints, min_size=n_other, max_size=n_other))
        X_train[:, j] = (offset + np.array(train)) * scale
        X_other[:, j] = (offset + np.array(other)) * scale
    return X_train.astype(dtype), X_other.astype(dtype)


@property_settings(30)
@given(data=_standardise_inputs())
def test_standardise_property(student, data):
    """1 to 6 training rows, 1 to 4 columns, constant columns, float32 or float64, values up to 1e9."""
    X_train, X_other = data
    what = f"standardise(X_train, X_other) with X_train of shape {X_train.shape}, X_other of shape {X_other.shape}"
    what += f", dtype {X_train.dtype}"
    train_scaled, other_scaled, mean, std = _unpack_standardise(
        student.standardise(X_train, X_other), X_train, X_other, what
    )
    expected = _judge_standardise(X_train, X_other)
    # a float32 answer may round: by 1e-5 of each column's size, and the scaled values by that over std
    tol = 1e-5 if X_train.dtype == np.float32 else 1e-9
    size = np.abs(np.vstack([X_train, X_other])).astype(float).max(axis=0)
    if np.any(std == 0):
        fail(f"{what}: std is 0 for a constant column. {CONSTANT_HINT}")
    expect_close(mean, expected[2], what=f"{what}: mean", rtol=tol, atol=tol * size, hint=MEAN_HINT)
    constant = np.ptp(X_train, axis=0) == 0
    wrong = ~np.isclose(std, expected[3], rtol=tol, atol=tol * size)
    hint = CONSTANT_HINT if np.all(constant[wrong]) else STD_HINT
    expect_close(std, expected[3], what=f"{what}: std", rtol=tol, atol=tol * size, hint=hint)
    pairs = [("X_train_scaled", train_scaled, expected[0]), ("X_other_scaled", other_scaled, expected[1])]
    for name, got, want in pairs:
        expect_close(
            got,
            want,
            what=f"{what}: {name}",
            rtol=tol,
            atol=tol * size / expected[3],
            hint="Both arrays are scaled with the training mean and std: (X - mean) / std.",
        )


# --- build_model ------------------------------------------------------------------------


def _layers(model):
    """The model's layers in order, nested models flattened, input layers left out."""
    found = []
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            found.extend(_layers(layer))
        elif not isinstance(layer, keras.layers.InputLayer):
            found.append(layer)
    return found


def _activation(layer):
    return layer.get_config().get("activation")


def _model(student, n_inputs, n_outputs):
    what = f"build_model(n_inputs={n_inputs}, n_outputs={n_outputs})"
    model = expect_model(student.build_model(n_inputs=n_inputs, n_outputs=n_outputs), what=what)
    return model, _layers(model), what


def test_build_model_shapes(student):
    """Other sizes than the default, down to 1 input, 1 output and a batch of 1 sample (no squeeze)."""
    for n_inputs, n_outputs, n_samples in [(5, 3, 7), (4, 2, 7), (1, 1, 1), (2, 1, 3)]:
        model, _, what = _model(student, n_inputs, n_outputs)
        X = np.random.default_rng(n_inputs).normal(size=(n_samples, n_inputs)).astype("float32")
        try:
            out = model(X)
        except Exception as err:  # noqa: BLE001 -- the judge calls the model: say why it failed
            fail(
                f"{what}: calling the model on a batch of shape {X.shape} raised {type(err).__name__}: {str(err)[:200]}"
            )
        expect_array(
            keras.ops.convert_to_numpy(out),
            what=f"{what}: model(X) for X of shape {X.shape}",
            shape=(n_samples, n_outputs),
        )


def test_build_model_linear_outputs(student):
    _, layers, what = _model(student, 5, 3)
    last = layers[-1] if layers else None
    if not isinstance(last, keras.layers.Dense):
        fail(f"{what}: the last layer should be a Dense layer with 3 units; it is {type(last).__name__}.")
    if last.units != 3:
        fail(f"{what}: the output Dense layer has {last.units} units, expected n_outputs = 3.")
    if _activation(last) not in LINEAR_ACTIVATIONS:
        fail(
            f"{what}: the output layer's activation is {_activation(last)!r}. Latitude, longitude and "
            "(standardised) depth are real numbers of any sign: use no activation (linear) on the output."
        )


def test_build_model_nonlinear_hidden_layer(student):
    _, layers, what = _model(student, 5, 3)
    hidden = layers[:-1]
    if not any(isinstance(layer, keras.layers.Dense) for layer in hidden):
        fail(f"{what}: expected at least one hidden Dense layer before the output layer; found none.")
    # a non-linear activation of the Dense layer itself, or a separate activation layer (ReLU(), Activation("tanh"))
    nonlinear = [
        layer
        for layer in hidden
        if (
            isinstance(layer, (keras.layers.Dense, keras.layers.Activation))
            and _activation(layer) not in LINEAR_ACTIVATIONS
        )
        or (isinstance(layer, NONLINEAR_LAYERS) and not isinstance(layer, keras.layers.Activation))
    ]
    if not nonlinear:
        fail(
            f"{what}: no hidden layer has a non-linear activation, so the whole network is one linear "
            "map (exercise 02). Give the hidden Dense layers an activation such as 'relu' or 'tanh'."
        )


# --- train_submarine ----------------------------------------------------------------------


def test_train_returns_predictions_and_history(student):
    _predictions(student)
    result, what = _train(student)
    history = result["history"]
    if not isinstance(history, list) or len(history) < 2:
        fail(
            f'{what}["history"]: expected a list of training losses, one per epoch (at least 2 epochs). '
            f"Received: {describe(history)}"
        )
    history = np.array([expect_number(loss, what=f'{what}["history"][{i}]') for i, loss in enumerate(history)])
    if not np.all(np.isfinite(history)):
        fail(f'{what}["history"] contains NaN or inf: the training diverged.')
    if not history[-1] < history[0]:
        fail(f'{what}["history"]: the training loss did not go down from the first epoch to the last.')


def test_train_scales_with_training_statistics(student):
    X_train = _ocean()[0]
    result, what = _train(student)
    hint = "Standardise with the statistics of X_train only, as standardise() does."
    expect_close(
        expect_array(result["x_mean"], what=f'{what}["x_mean"]', shape=(5,)),
        X_train.mean(axis=0),
        what=f'{what}["x_mean"]',
        rtol=1e-5,
        hint=hint,
    )
    expect_close(
        expect_array(result["x_std"], what=f'{what}["x_std"]', shape=(5,)),
        X_train.std(axis=0),
        what=f'{what}["x_std"]',
        rtol=1e-5,
        hint=hint,
    )


def test_predictions_in_original_units(student):
    predictions, what = _predictions(student)
    Y_test = _ocean()[3]
    for j, name in enumerate(TARGET_NAMES):
        centre, spread = Y_test[:, j].mean(), Y_test[:, j].std()
        if abs(predictions[:, j].mean() - centre) > 0.5 * spread or not (
            0.3 * spread < predictions[:, j].std() < 2.0 * spread
        ):
            fail(
                f'{what}["predictions"][:, {j}] ({name}) is not on the scale of the {name}s it predicts. '
                "If you standardised the targets for training, undo it: predictions * y_std + y_mean."
            )


def test_beats_linear_regression(student):
    predictions, what = _predictions(student)
    X_train, Y_train, X_test, Y_test = _ocean()
    linear = LinearRegression().fit(X_train, Y_train).predict(X_test)
    if _error(predictions, Y_test) <= SKILL_FRACTION * _error(linear, Y_test):
        return
    # the hint follows the symptom: which outputs are off, and compared with what
    spread = Y_test.std(axis=0)
    error = np.sqrt(np.mean((predictions - Y_test) ** 2, axis=0)) / spread
    linear_error = np.sqrt(np.mean((linear - Y_test) ** 2, axis=0)) / spread
    if error[2] > 0.1:
        hint = (
            "Depth is far off (its RMSE is more than a tenth of its spread), although pressure gives it almost "
            "directly: check that the inputs are standardised with the training statistics, that the "
            "predictions are turned back into metres, and that the loss goes down."
        )
    elif np.any(error[:2] > 0.8 * linear_error[:2]):
        weak = [
            name for name, e, lin in zip(TARGET_NAMES[:2], error[:2], linear_error[:2], strict=True) if e > 0.8 * lin
        ]
        hint = (
            f"Your {' and '.join(weak)} {'hardly beats' if len(weak) == 1 else 'hardly beat'} a straight line's: "
            "standardise the targets too "
            "(unscaled, depth in metres dominates the loss), and use non-linear hidden layers and enough epochs."
        )
    else:
        weak = TARGET_NAMES[int(np.argmax(error[:2] / linear_error[:2]))]
        hint = (
            f"Your {weak} is the furthest from beating the straight line: check the standardisation of inputs "
            "and targets, the non-linear hidden layers, and that the loss goes down during training."
        )
    fail(
        f"{what}: the predictions on the hidden test set are not clearly better than a linear regression's "
        "(the error, RMSE of each output divided by its spread and averaged over the three outputs, must be at "
        f"most {SKILL_FRACTION:g} times the linear model's). {hint}"
    )


# --- interpolation against extrapolation ---------------------------------------------------

REPORT_KEYS = ("rmse_near", "rmse_far", "score_near", "score_far")


def _report(student, Y_train, Y_near, p_near, Y_far, p_far, what):
    got = student.extrapolation_report(Y_train, Y_near, p_near, Y_far, p_far)
    if not isinstance(got, dict) or any(key not in got for key in REPORT_KEYS):
        received = sorted(got) if isinstance(got, dict) else type(got).__name__
        fail(f"{what}: expected a dict with the keys {list(REPORT_KEYS)}. Received: {received}.")
    return {
        "rmse_near": expect_array(got["rmse_near"], what=f'{what}["rmse_near"]', shape=(3,)),
        "rmse_far": expect_array(got["rmse_far"], what=f'{what}["rmse_far"]', shape=(3,)),
        "score_near": expect_number(got["score_near"], what=f'{what}["score_near"]'),
        "score_far": expect_number(got["score_far"], what=f'{what}["score_far"]'),
    }


def _expected_report(Y_train, Y_near, p_near, Y_far, p_far):
    """The judge's own errors: RMSE per output, and its mean in units of the training std."""
    scale = Y_train.std(axis=0)
    rmse_near = np.sqrt(np.mean((p_near - Y_near) ** 2, axis=0))
    rmse_far = np.sqrt(np.mean((p_far - Y_far) ** 2, axis=0))
    return {
        "rmse_near": rmse_near,
        "rmse_far": rmse_far,
        "score_near": float(np.mean(rmse_near / scale)),
        "score_far": float(np.mean(rmse_far / scale)),
    }


def _check_report(got, expected, what, rtol=1e-6):
    hints = {
        "rmse_near": "The RMSE of each output (column) separately, in its own units: sqrt(mean(error**2, axis=0)).",
        "score_near": "Each RMSE divided by the standard deviation of that output in Y_train (the training set, "
        "the same yardstick for both test sets), then the mean of the three.",
    }
    for key in REPORT_KEYS:
        hint = hints["rmse_near" if key.startswith("rmse") else "score_near"]
        expect_close(got[key], expected[key], what=f'{what}["{key}"]', rtol=rtol, atol=1e-9, hint=hint)


def test_extrapolation_report_values(student):
    rng = np.random.default_rng(31)
    Y_train = _ocean()[1][:400]
    Y_near = make_ocean(200, seed=32)[1]
    Y_far = make_ocean(150, seed=33, depth_range=DEEP_RANGE)[1]
    # made-up predictions with errors of different sizes per output
    p_near = Y_near + rng.normal(size=Y_near.shape) * [8.0, 4.0, 20.0]
    p_far = Y_far + rng.normal(size=Y_far.shape) * [30.0, 10.0, 150.0] + [5.0, 0.0, -100.0]
    what = "extrapolation_report(Y_train, Y_near, predictions_near, Y_far, predictions_far)"
    got = _report(student, Y_train, Y_near, p_near, Y_far, p_far, what)
    _check_report(got, _expected_report(Y_train, Y_near, p_near, Y_far, p_far), what)


@st.composite
def _report_inputs(draw):
    """Targets and predictions of exact binary fractions: 1 to 5 samples per set, float32 or float64."""
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    scale = draw(st.sampled_from(SCALES))

    def block(n_rows, low, high):
        ints = draw(st.lists(st.integers(low, high), min_size=3 * n_rows, max_size=3 * n_rows))
        return (np.array(ints, dtype=float).reshape(n_rows, 3) * scale).astype(dtype)

    n_train = draw(st.integers(2, 6))
    Y_train = block(n_train, -1000, 1000)
    Y_train[0] += np.array(scale, dtype=dtype)  # no constant column: the training std is never 0
    Y_train[1] -= np.array(scale, dtype=dtype)
    n_near, n_far = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    Y_near, Y_far = block(n_near, -1000, 1000), block(n_far, -1000, 1000)
    # errors of 0 (a perfect prediction) up to a few hundred times the scale, of either sign
    p_near = Y_near + block(n_near, -300, 300) * draw(st.sampled_from([0, 1]))
    p_far = Y_far + block(n_far, -300, 300)
    return Y_train, Y_near, p_near, Y_far, p_far


@property_settings(30)
@given(data=_report_inputs())
def test_extrapolation_report_property(student, data):
    """1 sample per set too, perfect predictions, float32 or float64, values from 0.001 to 1e9."""
    Y_train, Y_near, p_near, Y_far, p_far = data
    what = (
        f"For {len(Y_train)} training rows, {len(Y_near)} near and {len(Y_far)} far samples ({Y_train.dtype}), "
        "extrapolation_report(Y_train, Y_near, predictions_near, Y_far, predictions_far)"
    )
    got = _report(student, Y_train, Y_near, p_near, Y_far, p_far, what)
    rtol = 1e-5 if Y_train.dtype == np.float32 else 1e-9
    _check_report(got, _expected_report(*(np.asarray(a, dtype=float) for a in data)), what, rtol=rtol)


def test_extrapolation_error_larger(student, record):
    near, far, trained = _all_predictions(student)
    _, Y_train, _, Y_near = _ocean()
    Y_far = _deep_ocean()[1]
    what = "extrapolation_report on your train_submarine predictions (usual test set, deep test set)"
    got = _report(student, Y_train, Y_near, near, Y_far, far, what)
    expected = _expected_report(Y_train, Y_near, near, Y_far, far)
    _check_report(got, expected, what)
    record("depth_far", predicted=far[:, 2], true=Y_far[:, 2], unit="m", title="Depth on the deep test set")
    record("errors", score_near=got["score_near"], score_far=got["score_far"])
    if not got["score_far"] > got["score_near"]:
        fail(
            f"{what}: expected the error on the deep set (extrapolation) to be larger than on the usual test "
            f"set (interpolation). Received score_near={got['score_near']:.3f}, score_far={got['score_far']:.3f}: "
            f"check that {trained} trains on X_train only and predicts every row of X_test."
        )


WHY_CHOICES = ("a", "b", "c", "d")


def test_why_errors_differ(student):
    answer = student.why_errors_differ()
    if not isinstance(answer, str) or answer.strip().lower() not in WHY_CHOICES:
        fail(f'why_errors_differ(): expected one of "a", "b", "c", "d". Received: {answer!r:.40}')
    if answer.strip().lower() != "b":
        fail(
            "why_errors_differ(): not the reason your numbers support. Which of the four would also "
            "make the error on the usual test set large, and which concerns only the deep samples?"
        )
