"""Hidden tests for 05_training: MSE gradients, gradient descent, a GradientTape step."""

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.testing import (
    StudentCodeError,
    describe,
    expect_array,
    expect_close,
    expect_number,
    fail,
    property_settings,
)

DIVERGENCE_FACTOR = 1e6  # the rule stated in the task text
GRADIENT_HINT = "dL/dw = 2 * mean((w x + b - y) * x) and dL/db = 2 * mean(w x + b - y)."


def line_data(seed, n=40, slope=2.5, intercept=-1.0, noise=0.3):
    """A noisy line y = slope x + intercept, x uniform in [-1, 3]."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 3.0, size=n)
    y = slope * x + intercept + noise * rng.normal(size=n)
    return x, y


def mse(x, y, w, b):
    return float(np.mean((w * x + b - y) ** 2))


def numpy_descent(x, y, learning_rate, epochs, w, b):
    """The expected trajectory, without any divergence check; losses before each update."""
    losses = []
    for _ in range(epochs):
        residual = w * x + b - y
        losses.append(float(np.mean(residual**2)))
        w, b = w - learning_rate * 2.0 * np.mean(residual * x), b - learning_rate * 2.0 * np.mean(residual)
    return float(w), float(b), np.array(losses)


def loss_term_sizes(x, y, learning_rate, epochs, w, b):
    """Per epoch, mean((|w x| + |b| + |y|)**2) along the expected path: the size of what each loss sums.

    A float32 solution computes each loss to about eps32 times this size, not times the loss: where
    w x + b nearly cancels y the loss is tiny and its relative error large (a tolerance for that).
    """
    sizes = []
    for _ in range(epochs):
        residual = w * x + b - y
        sizes.append(float(np.mean((np.abs(w * x) + abs(b) + np.abs(y)) ** 2)))
        w, b = w - learning_rate * 2.0 * np.mean(residual * x), b - learning_rate * 2.0 * np.mean(residual)
    return np.array(sizes)


def unpack_gradients(got, what):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(f"{what}: expected a tuple (dL_dw, dL_db) of two numbers. Received: {type(got).__name__}")
    return expect_number(got[0], what=f"{what}[0] (dL/dw)"), expect_number(got[1], what=f"{what}[1] (dL/db)")


def unpack_result(got, what, epochs):
    if not isinstance(got, dict) or not {"w", "b", "losses"} <= set(got):
        received = sorted(map(str, got)) if isinstance(got, dict) else type(got).__name__
        fail(f'{what}: expected a dict with keys "w", "b" and "losses". Received: {received}')
    w = expect_number(got["w"], what=f'{what}["w"]')
    b = expect_number(got["b"], what=f'{what}["b"]')
    losses = expect_array(got["losses"], what=f'{what}["losses"] (one loss per epoch)', shape=(epochs,))
    return w, b, losses


# --- mse_gradients ------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_gradients_match_finite_differences(student, seed):
    x, y = line_data(seed, n=25)
    rng = np.random.default_rng(100 + seed)
    w, b = float(rng.normal(scale=2.0)), float(rng.normal(scale=2.0))
    h = 1e-6
    expected_dw = (mse(x, y, w + h, b) - mse(x, y, w - h, b)) / (2 * h)
    expected_db = (mse(x, y, w, b + h) - mse(x, y, w, b - h)) / (2 * h)
    what = f"mse_gradients(x, y, w, b) at w={w:.3f}, b={b:.3f}"
    dw, db = unpack_gradients(student.mse_gradients(x, y, w, b), what)
    hint = "They should agree with the finite differences (L(w + h) - L(w - h)) / 2h. " + GRADIENT_HINT
    expect_close(dw, expected_dw, what=f"{what}: dL/dw", rtol=1e-5, atol=1e-6, hint=hint)
    expect_close(db, expected_db, what=f"{what}: dL/db", rtol=1e-5, atol=1e-6, hint=hint)


@pytest.mark.parametrize(
    "case",
    ["one-sample", "at-the-optimum", "far-away"],
)
def test_gradients_formula(student, case):
    x, y = line_data(7, n=30)
    if case == "one-sample":
        x, y, w, b = x[:1], y[:1], 0.5, -0.25
    elif case == "at-the-optimum":
        w, b = (float(v) for v in np.polyfit(x, y, 1))
    else:
        w, b = -40.0, 25.0
    residual = w * x + b - y
    what = f"mse_gradients(x, y, w, b) with {len(x)} sample(s), {case.replace('-', ' ')}"
    dw, db = unpack_gradients(student.mse_gradients(x, y, w, b), what)
    expect_close(dw, 2.0 * np.mean(residual * x), what=f"{what}: dL/dw", rtol=1e-7, atol=1e-8, hint=GRADIENT_HINT)
    expect_close(db, 2.0 * np.mean(residual), what=f"{what}: dL/db", rtol=1e-7, atol=1e-8, hint=GRADIENT_HINT)


# --- gradient_descent ----------------------------------------------------------------

# (learning_rate, epochs, w0, b0): a converging run from a given start, and a run whose
# loss grows (learning rate a bit too large) but stays below the divergence limit.
TRAJECTORIES = {"converging": (0.1, 12, 1.0, 2.0), "growing-below-the-limit": (0.4, 15, 0.0, 0.0)}


@pytest.mark.parametrize("case", list(TRAJECTORIES))
def test_gradient_descent_trajectory(student, case):
    learning_rate, epochs, w0, b0 = TRAJECTORIES[case]
    x, y = line_data(5, n=50)
    w_expected, b_expected, losses_expected = numpy_descent(x, y, learning_rate, epochs, w0, b0)
    growth = losses_expected.max() / losses_expected[0]
    assert np.all(np.isfinite(losses_expected)) and growth < DIVERGENCE_FACTOR / 100  # the judge's own check
    what = f"gradient_descent(x, y, learning_rate={learning_rate}, epochs={epochs}, w0={w0}, b0={b0})"
    w, b, losses = unpack_result(student.gradient_descent(x, y, learning_rate, epochs, w0=w0, b0=b0), what, epochs)
    expect_close(
        losses,
        losses_expected,
        what=f'{what}["losses"]',
        rtol=1e-6,
        atol=1e-9,
        hint="losses[t] is the loss before update t, so losses[0] is the loss at (w0, b0).",
    )
    hint = "Each epoch: w -= learning_rate * dL/dw and b -= learning_rate * dL/db, both gradients at the old (w, b)."
    expect_close(w, w_expected, what=f'{what}["w"]', rtol=1e-6, atol=1e-9, hint=hint)
    expect_close(b, b_expected, what=f'{what}["b"]', rtol=1e-6, atol=1e-9, hint=hint)


def test_losses_decrease(student):
    x, y = line_data(11, n=50)
    what = "gradient_descent(x, y, learning_rate=0.1, epochs=300) on a noisy line y = 2.5 x - 1"
    _, _, losses = unpack_result(student.gradient_descent(x, y, 0.1, 300), what, 300)
    if not np.all(np.isfinite(losses)):
        fail(f"{what}: the losses contain inf or NaN; they should all be finite.")
    increases = np.diff(losses) > 1e-12 * losses[:-1]
    if increases.any():
        fail(
            f"{what}: the loss went up at {int(increases.sum())} epoch(s) (first after epoch "
            f"{int(np.argmax(increases))}); with a small learning rate it must go down every epoch. "
            "Step against the gradient: w -= learning_rate * dL/dw."
        )
    if not losses[-1] < 0.1 * losses[0]:
        fail(f"{what}: the last loss is not below a tenth of the first; is every parameter updated?")


def test_recovers_line(student):
    x, y = line_data(13, n=60)
    slope, intercept = np.polyfit(x, y, 1)  # the least-squares line
    what = "gradient_descent(x, y, learning_rate=0.1, epochs=400) on a noisy line y = 2.5 x - 1"
    w, b, _ = unpack_result(student.gradient_descent(x, y, 0.1, 400), what, 400)
    hint = "After 400 epochs w and b should be the least-squares line (np.polyfit(x, y, 1)); are both updated?"
    expect_close(w, slope, what=f'{what}["w"]', rtol=0, atol=1e-4, hint=hint)
    expect_close(b, intercept, what=f'{what}["b"]', rtol=0, atol=1e-4, hint=hint)


def expect_floating_point_error(call, what, why):
    try:
        result = call()
    except StudentCodeError as err:
        if err.type_name != "FloatingPointError":
            fail(f"{what} should raise FloatingPointError, not {err.type_name}.")
        return
    kind = type(result).__name__
    fail(f"{what}: {why}, so it should raise FloatingPointError, but it returned a {kind}.")


def test_divergence_raises(student):
    x, y = line_data(17, n=40)
    expect_floating_point_error(
        lambda: student.gradient_descent(x, y, 5.0, 300),
        "gradient_descent(x, y, learning_rate=5.0, epochs=300)",
        "the loss explodes",
    )


def test_divergence_rule_threshold(student):
    x, y = line_data(5, n=50)
    learning_rate, epochs = 0.4, 60
    _, _, losses = numpy_descent(x, y, learning_rate, epochs, 0.0, 0.0)
    # the judge's own check: finite all along, yet past the limit
    assert np.all(np.isfinite(losses)) and losses.max() > 100 * DIVERGENCE_FACTOR * losses[0]
    expect_floating_point_error(
        lambda: student.gradient_descent(x, y, learning_rate, epochs),
        f"gradient_descent(x, y, learning_rate={learning_rate}, epochs={epochs})",
        "the loss stays finite but grows past 1e6 times the first loss",
    )


# --- tape_train_step --------------------------------------------------------------------

TAPE_CASES = {"from-zero": (3, 0.0, 0.0, 0.05), "from-a-guess": (4, 1.5, -2.0, 0.1), "one-sample": (6, -0.7, 0.3, 0.2)}


@pytest.mark.parametrize("case", list(TAPE_CASES))
def test_tape_train_step_matches_numpy(student, case):
    seed, w, b, learning_rate = TAPE_CASES[case]
    x, y = line_data(seed, n=1 if case == "one-sample" else 30)
    residual = w * x + b - y
    expected = (
        w - learning_rate * 2.0 * np.mean(residual * x),
        b - learning_rate * 2.0 * np.mean(residual),
        np.mean(residual**2),
    )
    what = f"tape_train_step(x, y, w={w}, b={b}, learning_rate={learning_rate}) with {len(x)} sample(s)"
    got = student.tape_train_step(x, y, w, b, learning_rate)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        fail(f"{what}: expected a tuple (new_w, new_b, loss) of three floats. Received: {type(got).__name__}")
    names = ["new_w", "new_b", "loss"]
    hints = [
        "Apply the update to the variable: w.assign_sub(learning_rate * dw) (a step against the gradient).",
        "Update b too: b.assign_sub(learning_rate * db).",
        "Return the loss computed inside the tape, before the update: mean((w x + b - y)**2).",
    ]
    for value, want, name, hint in zip(got, expected, names, hints, strict=True):
        number = expect_number(value, what=f"{what}: {name}")
        expect_close(number, want, what=f"{what}: {name}", rtol=1e-5, atol=1e-5, hint=hint)


# --- the conventions: plain Python floats, n = 1, float32 or float64 --------------------------


def _expect_plain_float(value, what):
    if type(value) is not float:
        received = f"a numpy.{type(value).__name__}" if isinstance(value, np.generic) else describe(value)
        fail(f"{what}: expected a plain Python float. Received: {received}; convert it with float(...).")


def test_part1_returns_plain_floats(student):
    x, y = line_data(21, n=12)
    got = student.mse_gradients(x, y, 0.5, -0.5)
    unpack_gradients(got, "mse_gradients(x, y, 0.5, -0.5)")
    for value, name in zip(got, ("dL_dw", "dL_db"), strict=True):
        _expect_plain_float(value, f"mse_gradients(x, y, 0.5, -0.5): {name}")
    what = "gradient_descent(x, y, learning_rate=0.1, epochs=3)"
    result = student.gradient_descent(x, y, 0.1, 3)
    unpack_result(result, what, 3)
    _expect_plain_float(result["w"], f'{what}["w"]')
    _expect_plain_float(result["b"], f'{what}["b"]')
    if not isinstance(result["losses"], list):
        fail(f'{what}["losses"]: expected a list of Python floats. Received: {describe(result["losses"])}.')
    for t, loss in enumerate(result["losses"]):
        _expect_plain_float(loss, f'{what}["losses"][{t}]')
    what = "tape_train_step(x, y, 0.5, -0.5, 0.1)"
    got = student.tape_train_step(x, y, 0.5, -0.5, 0.1)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        fail(f"{what}: expected a tuple (new_w, new_b, loss) of three floats. Received: {describe(got)}")
    for value, name in zip(got, ("new_w", "new_b", "loss"), strict=True):
        _expect_plain_float(value, f"{what}: {name}")


# Property tests: 1 to 6 samples, float64 or float32, zeros and magnitudes up to 1e3.
_UNIT = st.floats(-1.0, 1.0, allow_nan=False, width=32)
_SCALES = st.sampled_from([0.0, 1.0, 1e3])


@st.composite
def line_inputs(draw, max_n=6):
    n = draw(st.integers(1, max_n))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    x = draw(hnp.arrays(dtype, (n,), elements=_UNIT)) * dtype(draw(_SCALES))
    y_scale = draw(_SCALES)
    y = draw(hnp.arrays(dtype, (n,), elements=_UNIT)) * dtype(y_scale)
    w = draw(st.floats(-3.0, 3.0, width=32))
    b = draw(st.floats(-3.0, 3.0, width=32)) * max(y_scale, 1.0)
    return x, y, w, b


def tolerance(x):
    """float64 input: agree to about 12 digits; float32: to about 6 (either precision may be used)."""
    return 1e-5 if np.asarray(x).dtype == np.float32 else 1e-10


def shown(x):
    return f"{len(x)} sample(s) of dtype {np.asarray(x).dtype}"


@property_settings(25)
@given(data=line_inputs())
def test_mse_gradients_property(student, data):
    x, y, w, b = data
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    residual = w * x64 + b - y64
    terms = np.abs(w * x64) + abs(b) + np.abs(y64)  # the size of what is summed, for the tolerance
    what = f"mse_gradients(x, y, w={w:g}, b={b:g}) with {shown(x)}"
    dw, db = unpack_gradients(student.mse_gradients(x, y, w, b), what)
    tol = tolerance(x)
    expect_close(
        dw,
        2.0 * np.mean(residual * x64),
        what=f"{what}: dL/dw",
        rtol=tol,
        atol=tol * 2.0 * float(np.mean(terms * np.abs(x64))) + 1e-300,
        hint=GRADIENT_HINT,
    )
    expect_close(
        db,
        2.0 * np.mean(residual),
        what=f"{what}: dL/db",
        rtol=tol,
        atol=tol * 2.0 * float(np.mean(terms)) + 1e-300,
        hint=GRADIENT_HINT,
    )


@property_settings(20)
@given(data=line_inputs(max_n=5), epochs=st.integers(1, 5), step=st.sampled_from([0.05, 0.2, 0.4]))
def test_gradient_descent_property(student, data, epochs, step):
    x, y, w0, b0 = data
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    learning_rate = step / (1.0 + float(np.mean(x64**2)))  # a stable step: the loss never explodes
    w, b, losses = numpy_descent(x64, y64, learning_rate, epochs, w0, b0)
    what = f"gradient_descent(x, y, {learning_rate:.4g}, epochs={epochs}, w0={w0:g}, b0={b0:g}) with {shown(x)}"
    got_w, got_b, got_losses = unpack_result(
        student.gradient_descent(x, y, learning_rate, epochs, w0=w0, b0=b0), what, epochs
    )
    tol = tolerance(x)
    scale = 1.0 + abs(w0) + abs(b0) + float(np.max(np.abs(y64)))
    expect_close(
        got_losses,
        losses,
        what=f'{what}["losses"]',
        rtol=tol * 10,
        atol=tol * 10 * float(np.max(loss_term_sizes(x64, y64, learning_rate, epochs, w0, b0))) + 1e-300,
        hint="losses[t] is the loss before update t, so losses[0] is the loss at (w0, b0).",
    )
    hint = "Each epoch: w -= learning_rate * dL/dw and b -= learning_rate * dL/db, both gradients at the old (w, b)."
    expect_close(got_w, w, what=f'{what}["w"]', rtol=tol * 10, atol=tol * 10 * scale, hint=hint)
    expect_close(got_b, b, what=f'{what}["b"]', rtol=tol * 10, atol=tol * 10 * scale, hint=hint)


# --- the divergence rule: a first loss that is not finite, the message ---------------------------


@pytest.mark.parametrize("case", ["inf", "nan"])
def test_divergence_first_loss_not_finite(student, case):
    x, y = line_data(19, n=20)
    y[3] = np.inf if case == "inf" else np.nan  # a saturated sensor or a missing value
    why = f"the very first loss is {case} (one target is {case})"
    expect_floating_point_error(
        lambda: student.gradient_descent(x, y, 0.01, 5),
        f"gradient_descent(x, y, learning_rate=0.01, epochs=5) with {case} in the data",
        why + "; a comparison with nan or inf is always False, so check np.isfinite(loss) too",
    )


def test_divergence_message(student):
    x, y = line_data(17, n=40)
    what = "gradient_descent(x, y, learning_rate=5.0, epochs=300)"
    try:
        student.gradient_descent(x, y, 5.0, 300)
    except StudentCodeError as err:
        if err.type_name != "FloatingPointError":
            fail(f"{what} should raise FloatingPointError, not {err.type_name}.")
        text = str(err).split("FloatingPointError", 1)[-1]
        missing = []
        if not re.search(r"diverg", text, re.IGNORECASE):
            missing.append("that training diverged")
        if not re.search(r"learning[ _-]?rate", text, re.IGNORECASE):
            missing.append("to try a smaller learning rate")
        if missing:
            fail(f"{what}: the FloatingPointError's message should say {' and '.join(missing)}.")
        return
    fail(f"{what}: the loss explodes, so it should raise FloatingPointError, but it returned a value.")
