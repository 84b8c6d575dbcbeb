"""Hidden tests for 05_training, part 2: the loss surface, the descent path, reading loss curves, seeds."""

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from datasets.training_runs import make_training_runs
from grader.testing import (
    StudentCodeError,
    describe,
    expect_array,
    expect_close,
    expect_number,
    fail,
    once_per_judge,
    once_per_submission,
    property_settings,
)

GRID_HINT = "grid[i, j] is the loss at w = ws[j], b = bs[i]: one row per bias, one column per weight."
PATH_HINT = "Row 0 is (w0, b0); each later row is (w, b) after one update, both gradients taken at the same point."
KINDS = ("too high", "too low", "bug", "good")


def line_data(seed, n=30):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 3.0, size=n)
    return x, -1.5 * x + 0.5 + 0.2 * rng.normal(size=n)


def judge_grid(x, y, ws, bs):
    return np.array([[np.mean((w * x + b - y) ** 2) for w in ws] for b in bs])


def judge_path(x, y, learning_rate, epochs, w, b):
    path = [(w, b)]
    for _ in range(epochs):
        residual = w * x + b - y
        w, b = w - learning_rate * 2.0 * np.mean(residual * x), b - learning_rate * 2.0 * np.mean(residual)
        path.append((w, b))
    return np.array(path)


def curve_kind(losses):
    """The judge's own reading of a loss curve, from its shape alone."""
    losses = np.asarray(losses, dtype=float)
    if losses[-1] > losses[0]:
        return "too high"
    tail = (losses[-10] - losses[-1]) / losses[-1]
    if tail < 1e-6:  # flat at the end
        return "good" if losses[-1] < 0.1 * losses[0] else "bug"
    return "too low" if losses[-1] > 0.1 * losses[0] else "good"


@pytest.mark.parametrize(("p", "q"), [(5, 3), (1, 1), (2, 7)])
def test_loss_grid_values(student, p, q):
    x, y = line_data(p * 10 + q)
    ws, bs = np.linspace(-3.0, 1.0, p), np.linspace(-1.0, 2.0, q)
    what = f"loss_grid(x, y, ws of length {p}, bs of length {q})"
    got = student.loss_grid(x, y, ws, bs)
    expect_close(got, judge_grid(x, y, ws, bs), what=what, rtol=1e-9, atol=1e-12, hint=GRID_HINT)


@pytest.mark.parametrize(("learning_rate", "epochs"), [(0.05, 12), (0.2, 1)])
def test_descent_path(student, learning_rate, epochs):
    x, y = line_data(3)
    what = f"descent_path(x, y, {learning_rate}, {epochs}, w0=0.5, b0=-1.0)"
    got = student.descent_path(x, y, learning_rate, epochs, w0=0.5, b0=-1.0)
    expected = judge_path(x, y, learning_rate, epochs, 0.5, -1.0)
    expect_close(got, expected, what=what, rtol=1e-9, atol=1e-12, hint=PATH_HINT)


def test_path_drawn_on_the_grid(student):
    """The grid and the path agree: the student's loss_grid at each path point is the loss gradient descent sees."""
    x, y = line_data(4)
    path = expect_array(student.descent_path(x, y, 0.05, 6), what="descent_path(x, y, 0.05, 6)", shape=(7, 2))
    for t, (w, b) in enumerate(path):
        got = student.loss_grid(x, y, np.array([w]), np.array([b]))
        what = f"loss_grid at the path's point {t}"
        expect_close(got, judge_grid(x, y, [w], [b]), what=what, rtol=1e-9, atol=1e-12, hint=GRID_HINT)


@pytest.mark.parametrize("letter", ["A", "B", "C", "D"])
def test_run_labels(student, letter):
    labels = student.run_labels()
    if not isinstance(labels, dict) or sorted(labels) != ["A", "B", "C", "D"]:
        fail(f"run_labels(): expected a dict with the keys 'A' to 'D'. Received: {labels!r:.80}")
    label = labels[letter]
    if not isinstance(label, str) or label.strip().lower() not in KINDS:
        fail(f"run_labels()[{letter!r}]: expected one of {', '.join(KINDS)}. Received: {label!r:.40}")
    if label.strip().lower() != curve_kind(make_training_runs()[letter]):
        fail(
            f"run_labels()[{letter!r}] = {label!r}: not what curve {letter} shows. Plot it on a log scale and "
            "ask: does the loss go up, go down slowly without settling, settle high, or settle low?"
        )


def seeds_data():
    rng = np.random.default_rng(11)
    x_train = rng.uniform(-2.0, 2.0, 96)
    x_val = rng.uniform(-2.0, 2.0, 48)
    return x_train, np.sin(2 * x_train), x_val, np.sin(2 * x_val)


def scores(got, n, what):
    if not isinstance(got, (list, tuple, np.ndarray)) or len(got) != n:
        fail(f"{what}: expected a list of {n} floats, one per seed. Received: {got!r:.80}")
    values = [expect_number(v, what=f"{what}[{i}]") for i, v in enumerate(got)]
    if not all(math.isfinite(v) and v >= 0 for v in values):
        fail(f"{what}: expected finite, non-negative MSEs. Received: {values}")
    return values


# Each score costs a training run: the student's runs are made once per submission and shared.
SEED_EPOCHS = 5


def student_scores(student, seeds, shift=0.0):
    def run():
        x_train, y_train, x_val, y_val = seeds_data()
        return student.validation_scores(x_train, y_train, x_val, y_val + shift, list(seeds), epochs=SEED_EPOCHS)

    got = once_per_submission(student, ("validation_scores", tuple(seeds), shift), run)
    what = f"validation_scores(..., seeds={list(seeds)}, epochs={SEED_EPOCHS})"
    return scores(got, len(seeds), what)


def test_validation_scores_use_their_seeds(student):
    two = student_scores(student, [0, 1])
    (again,) = student_scores(student, [1])
    if two[0] == two[1]:
        fail(
            "validation_scores: seeds 0 and 1 gave exactly the same score. Call keras.utils.set_random_seed(seed) "
            "before building each model."
        )
    if again != two[1]:
        fail(
            "validation_scores: seed 1 alone did not repeat the score seed 1 gave after seed 0. Set the seed "
            "right before building each model, so a seed's result never depends on the runs before it."
        )


def test_validation_scores_are_on_the_validation_data(student):
    (got,) = student_scores(student, [0], shift=10.0)
    if got < 50.0:
        fail(
            "validation_scores: with validation targets shifted far from the training targets the score stayed "
            f"small ({got:.3g}). Evaluate the MSE on (x_val, y_val), not on the training data."
        )


@once_per_judge  # the same for every submission: trained once per judge process, not per student
def judge_score(seed, epochs):
    """The recipe of the task text, trained by the judge: (validation MSE, training MSE)."""
    import keras

    x_train, y_train, x_val, y_val = (v.astype("float32").reshape(-1, 1) for v in seeds_data())
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    model.fit(x_train, y_train, epochs=epochs, batch_size=32, verbose=0)
    return float(model.evaluate(x_val, y_val, verbose=0)), float(model.evaluate(x_train, y_train, verbose=0))


def test_validation_scores_follow_the_recipe(student):
    (got,) = student_scores(student, [1])
    expected, on_training = judge_score(1, SEED_EPOCHS)
    if math.isclose(got, expected, rel_tol=1e-3, abs_tol=1e-6):
        return
    if math.isclose(got, on_training, rel_tol=1e-3, abs_tol=1e-6):
        hint = "It looks like the MSE on the training data: evaluate on (x_val, y_val)."
    elif got > expected:
        hint = "Your model ends worse than the recipe's: check the learning rate, the batch size and the epochs."
    else:
        hint = "Your model ends better than the recipe's: check the layer sizes, the optimiser and the epochs."
    fail(
        f"validation_scores(..., seeds=[1], epochs={SEED_EPOCHS}) gave {got:.4g}, not the score of the task's "
        "recipe with that seed: set_random_seed(seed), then Input((1,)) -> Dense(16, 'tanh') -> Dense(1), "
        "Adam(learning_rate=0.01), loss 'mse', fit for `epochs` epochs with batch_size=32, evaluate on the "
        f"validation data. {hint}"
    )


# (a, b, real?) built around the rule |mean(a) - mean(b)| > 2 * max(std(a, ddof=1), std(b, ddof=1))
RULE_CASES = {
    "far_apart": ([0.10, 0.11, 0.09], [0.20, 0.21, 0.19], True),
    "overlapping": ([0.10, 0.14, 0.06], [0.12, 0.16, 0.08], False),
    "order_does_not_matter": ([0.20, 0.21, 0.19], [0.10, 0.11, 0.09], True),
    "larger_spread_counts": ([0.10, 0.10, 0.10, 0.10001], [0.13, 0.10, 0.16, 0.13], False),
    "ddof_one": ([0.0, 1.0], [1.2, 2.2], False),
    "just_real_with_ddof_one": ([0.0, 1.0], [1.5, 2.5], True),
}


@pytest.mark.parametrize("case", list(RULE_CASES))
def test_difference_is_real_rule(student, case):
    a, b, real = RULE_CASES[case]
    got = student.difference_is_real(np.array(a), np.array(b))
    if not isinstance(got, (bool, np.bool_)):
        fail(f"difference_is_real: expected True or False. Received: {got!r:.40}")
    if bool(got) != real:
        fail(
            f"difference_is_real({a}, {b}): expected {real}. Received: {bool(got)}. The rule compares the "
            "difference of the means with twice the larger standard deviation (ddof=1)."
        )


def test_difference_is_real_returns_python_bool(student):
    for a, b in (([0.10, 0.11, 0.09], [0.20, 0.21, 0.19]), ([0.10, 0.14, 0.06], [0.12, 0.16, 0.08])):
        got = student.difference_is_real(a, b)
        if type(got) is not bool:
            received = f"a numpy.{type(got).__name__}" if isinstance(got, np.generic) else describe(got)
            fail(
                f"difference_is_real({a}, {b}): expected a Python bool (True or False). Received: {received}; "
                "convert it with bool(...)."
            )


@st.composite
def score_pairs(draw):
    """Two lists of 2 to 6 scores: ties, constant lists, wide and narrow spreads, lists or arrays."""
    values = st.one_of(st.integers(0, 4).map(lambda k: k / 4), st.floats(0.0, 1.0, width=32))
    a = draw(st.lists(values, min_size=2, max_size=6))
    b = draw(st.lists(values, min_size=2, max_size=6))
    shift, scale = draw(st.sampled_from([0.0, 0.5, 3.0])), draw(st.sampled_from([1.0, 0.01, 100.0]))
    a, b = [v * scale for v in a], [(v + shift) * scale for v in b]
    as_arrays = draw(st.booleans())
    return (np.array(a), np.array(b)) if as_arrays else (a, b)


@property_settings(25)
@given(pair=score_pairs())
def test_difference_is_real_property(student, pair):
    a, b = pair
    a64, b64 = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    difference = abs(a64.mean() - b64.mean())
    limit = 2.0 * max(a64.std(ddof=1), b64.std(ddof=1))
    assume(abs(difference - limit) > 1e-9 * (1.0 + difference + limit))  # no rounding tie at the boundary
    kind = "arrays" if isinstance(a, np.ndarray) else "lists"
    what = f"difference_is_real({np.round(a64, 6).tolist()}, {np.round(b64, 6).tolist()}) (as {kind})"
    got = student.difference_is_real(a, b)
    if not isinstance(got, (bool, np.bool_)):
        fail(f"{what}: expected True or False. Received: {describe(got)}")
    if bool(got) != bool(difference > limit):
        fail(
            f"{what}: expected {difference > limit}. Received: {bool(got)}. The rule compares the difference of the "
            "means with twice the larger standard deviation (ddof=1); equal scores have a spread of 0."
        )


# --- the surface and the path: every grid shape, float32 data, no divergence check in the path --------


@st.composite
def surface_inputs(draw):
    n = draw(st.integers(1, 5))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    unit = st.floats(-1.0, 1.0, allow_nan=False, width=32)
    x = draw(hnp.arrays(dtype, (n,), elements=unit)) * dtype(draw(st.sampled_from([0.0, 1.0, 1e3])))
    y = draw(hnp.arrays(dtype, (n,), elements=unit)) * dtype(draw(st.sampled_from([0.0, 1.0, 1e3])))
    ws = draw(hnp.arrays(np.float64, (draw(st.integers(1, 4)),), elements=st.floats(-3.0, 3.0)))
    bs = draw(hnp.arrays(np.float64, (draw(st.integers(1, 4)),), elements=st.floats(-3.0, 3.0)))
    return x, y, ws, bs


@property_settings(20)
@given(data=surface_inputs(), epochs=st.integers(0, 4), step=st.sampled_from([0.05, 0.4]))
def test_surface_property(student, data, epochs, step):
    x, y, ws, bs = data
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    tol = 1e-5 if x.dtype == np.float32 else 1e-10
    terms = (np.abs(ws[None, :, None] * x64) + np.abs(bs[:, None, None]) + np.abs(y64)) ** 2
    sizes = f"{len(x)} sample(s) of dtype {x.dtype}, {len(ws)} weight(s), {len(bs)} bias(es)"
    what = f"loss_grid(x, y, ws, bs) with {sizes}"
    expect_close(
        student.loss_grid(x, y, ws, bs),
        judge_grid(x64, y64, ws, bs),
        what=what,
        rtol=tol,
        atol=tol * float(terms.mean(axis=-1).max()) + 1e-300,
        hint=GRID_HINT,
    )
    learning_rate = step / (1.0 + float(np.mean(x64**2)))
    w0, b0 = float(ws[0]), float(bs[0])
    expected = judge_path(x64, y64, learning_rate, epochs, w0, b0)
    what = f"descent_path(x, y, {learning_rate:.4g}, {epochs}, w0={w0:g}, b0={b0:g}) with {len(x)} sample(s)"
    scale = 1.0 + abs(w0) + abs(b0) + float(np.max(np.abs(y64)))
    got = student.descent_path(x, y, learning_rate, epochs, w0=w0, b0=b0)
    expect_close(got, expected, what=what, rtol=tol * 10, atol=tol * 10 * scale, hint=PATH_HINT)


def test_descent_path_has_no_divergence_check(student):
    x, y = line_data(3)
    learning_rate, epochs = 1.0, 25
    expected = judge_path(x, y, learning_rate, epochs, 0.0, 0.0)
    losses = judge_grid(x, y, expected[:, 0], expected[:, 1]).diagonal()
    assert np.all(np.isfinite(expected)) and losses.max() > 1e8 * losses[0]  # the judge's own check: it diverges
    what = f"descent_path(x, y, {learning_rate}, {epochs}) with a learning rate far too large"
    try:
        got = student.descent_path(x, y, learning_rate, epochs)
    except StudentCodeError as err:
        fail(
            f"{what} raised {err.type_name}: descent_path has no divergence check; it draws the walk, also when it "
            "zigzags out of the valley."
        )
    expect_close(got, expected, what=what, rtol=1e-9, atol=1e-12, hint=PATH_HINT)
