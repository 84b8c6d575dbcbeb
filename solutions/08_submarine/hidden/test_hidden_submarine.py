"""Hidden tests for 08_submarine: training statistics only, the MLP's shape, and its skill."""

import keras
import numpy as np
from sklearn.linear_model import LinearRegression

from datasets.ocean import DEEP_RANGE, make_ocean
from grader.testing import expect_array, expect_close, expect_model, expect_number, fail

TRAIN_SEED, TEST_SEED, DEEP_SEED = 2026, 2027, 2028
N_TRAIN, N_TEST, N_DEEP = 1500, 1000, 500
TARGET_NAMES = ("latitude", "longitude", "depth")
# The MLP must do clearly better than a straight line: its error (below) at most this fraction of
# linear regression's. The reference MLP reaches about 0.6 of it, linear models about 1.0.
SKILL_FRACTION = 0.85

LINEAR_ACTIVATIONS = (None, "linear")
NONLINEAR_LAYERS = (
    keras.layers.Activation,
    keras.layers.ReLU,
    keras.layers.LeakyReLU,
    keras.layers.ELU,
    keras.layers.PReLU,
    keras.layers.Softmax,
)


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
_trained = {"student": None, "result": None}


def _train(student):
    if _trained["student"] is not student:
        X_train, Y_train, X_test, _ = _ocean()
        X_deep = _deep_ocean()[0]
        _trained["result"] = student.train_submarine(X_train, Y_train, np.vstack([X_test, X_deep]))
        _trained["student"] = student
    result = _trained["result"]
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
        hint="One mean per column: average over the samples, axis=0.",
    )
    expect_close(
        expect_array(std, what=f"{what}: std", shape=(5,)),
        X_train.std(axis=0),
        what=f"{what}: std",
        rtol=1e-6,
        hint="One standard deviation per column (axis=0), np.std with its default ddof=0.",
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
    for n_inputs, n_outputs in [(5, 3), (4, 2)]:
        model, _, what = _model(student, n_inputs, n_outputs)
        X = np.random.default_rng(n_inputs).normal(size=(7, n_inputs)).astype("float32")
        try:
            out = model(X)
        except Exception as err:  # noqa: BLE001 -- the judge calls the model: say why it failed
            fail(
                f"{what}: calling the model on a batch of shape {X.shape} raised {type(err).__name__}: {str(err)[:200]}"
            )
        expect_array(
            keras.ops.convert_to_numpy(out), what=f"{what}: model(X) for X of shape {X.shape}", shape=(7, n_outputs)
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
    nonlinear = [
        layer
        for layer in hidden
        if (isinstance(layer, keras.layers.Dense) and _activation(layer) not in LINEAR_ACTIVATIONS)
        or (isinstance(layer, NONLINEAR_LAYERS) and _activation(layer) not in LINEAR_ACTIVATIONS)
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
    if not isinstance(history, (list, tuple)) or len(history) < 2:
        fail(f'{what}["history"]: expected a list of training losses, one per epoch (at least 2 epochs).')
    history = expect_array(list(history), what=f'{what}["history"]', shape=(len(history),))
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
    if _error(predictions, Y_test) > SKILL_FRACTION * _error(linear, Y_test):
        fail(
            f"{what}: the predictions on the hidden test set are not clearly better than a linear "
            "regression's (the error, RMSE of each output divided by its spread, must be at most "
            f"{SKILL_FRACTION:g} times the linear model's). Check the standardisation of inputs and "
            "targets, the non-linear hidden layers, and that the loss goes down during training."
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


def _check_report(got, expected, what):
    hints = {
        "rmse_near": "The RMSE of each output (column) separately, in its own units: sqrt(mean(error**2, axis=0)).",
        "score_near": "Each RMSE divided by the standard deviation of that output in Y_train (the training set, "
        "the same yardstick for both test sets), then the mean of the three.",
    }
    for key in REPORT_KEYS:
        hint = hints["rmse_near" if key.startswith("rmse") else "score_near"]
        expect_close(got[key], expected[key], what=f'{what}["{key}"]', rtol=1e-6, atol=1e-9, hint=hint)


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
