"""Hidden tests for 05_training, part 2: the loss surface, the descent path, reading loss curves, seeds."""

import math

import numpy as np
import pytest

from datasets.training_runs import make_training_runs
from grader.testing import expect_array, expect_close, expect_number, fail

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


def test_validation_scores_use_their_seeds(student):
    data = seeds_data()
    two = scores(student.validation_scores(*data, [0, 1], epochs=20), 2, "validation_scores(..., seeds=[0, 1])")
    again = scores(student.validation_scores(*data, [1], epochs=20), 1, "validation_scores(..., seeds=[1])")
    if two[0] == two[1]:
        fail(
            "validation_scores: seeds 0 and 1 gave exactly the same score. Call keras.utils.set_random_seed(seed) "
            "before building each model."
        )
    if again[0] != two[1]:
        fail(
            "validation_scores: seed 1 alone did not repeat the score seed 1 gave after seed 0. Set the seed "
            "right before building each model, so a seed's result never depends on the runs before it."
        )


def test_validation_scores_are_on_the_validation_data(student):
    x_train, y_train, x_val, y_val = seeds_data()
    (got,) = scores(
        student.validation_scores(x_train, y_train, x_val, y_val + 10.0, [0], epochs=20), 1, "validation_scores"
    )
    if got < 50.0:
        fail(
            "validation_scores: with validation targets shifted far from the training targets the score stayed "
            f"small ({got:.3g}). Evaluate the MSE on (x_val, y_val), not on the training data."
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
