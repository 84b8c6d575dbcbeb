"""Hidden tests for 02_linear_collapse: stacked linear layers collapse into one."""

import itertools

import numpy as np
import pytest

from grader.testing import expect_array, expect_close, fail


def _random_stack(seed, widths):
    """Layers (W, b) for widths [n_inputs, n_1, ..., n_out], scaled to keep values O(1)."""
    rng = np.random.default_rng(seed)
    layers = []
    for n_in, n_out in itertools.pairwise(widths):
        W = rng.normal(size=(n_out, n_in)) / np.sqrt(n_in)
        b = rng.normal(size=n_out) * 0.5
        layers.append((W, b))
    return layers


def _network(X, layers, relu=False):
    """The judge's own forward pass: x(n) = f(W(n) x(n-1) + b(n)), no f after the last layer."""
    out = X
    for k, (W, b) in enumerate(layers):
        out = out @ W.T + b
        if relu and k < len(layers) - 1:
            out = np.maximum(out, 0.0)
    return out


def _batch(seed, n_samples, n_inputs):
    return np.random.default_rng(seed).normal(size=(n_samples, n_inputs))


def _pair(value, what, n_out, n_in):
    """Check that value is (W, b) with W (n_out, n_in) and b (n_out,); return the arrays."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        kind = type(value).__name__
        size = f" of length {len(value)}" if isinstance(value, (tuple, list)) else ""
        fail(f"{what}: expected a pair (W, b). Received: {kind}{size}.")
    W = expect_array(value[0], what=f"{what}[0] (the collapsed W)", shape=(n_out, n_in))
    b = expect_array(value[1], what=f"{what}[1] (the collapsed b)", shape=(n_out,))
    return W, b


STACK_WIDTHS = {
    "one layer 4->3": [4, 3],
    "two layers 5->7->2": [5, 7, 2],
    "four layers 3->6->4->8->2": [3, 6, 4, 8, 2],
}


@pytest.mark.parametrize("widths", STACK_WIDTHS.values(), ids=STACK_WIDTHS.keys())
def test_stack_forward_linear(student, widths):
    layers = _random_stack(11, widths)
    X = _batch(12, 16, widths[0])
    got = student.stack_forward(X, layers, None)
    expect_array(got, what="stack_forward(X, layers, None)", shape=(16, widths[-1]))
    expect_close(
        got,
        _network(X, layers),
        what="stack_forward(X, layers, None)",
        hint="Feed each layer's output into the next: out = out @ W.T + b, first layer first.",
    )


def test_stack_forward_relu_between_layers(student):
    widths = [4, 8, 6, 3]
    layers = _random_stack(21, widths)
    X = _batch(22, 40, widths[0])
    expected = _network(X, layers, relu=True)
    assert (expected < 0).any()  # the output layer is linear: some outputs are negative
    got = student.stack_forward(X, layers, "relu")
    got = expect_array(got, what='stack_forward(X, layers, "relu")', shape=(40, 3))
    if np.allclose(got, _network(X, layers)):
        fail(
            'stack_forward(X, layers, "relu"): the output equals the purely linear network\'s, '
            'so the activation was never applied. With activation="relu", apply max(0, z) '
            "to the output of every layer except the last."
        )
    if (got >= 0).all():
        fail(
            'stack_forward(X, layers, "relu"): every output is >= 0, so ReLU was applied '
            "after the last layer too. Apply the activation between layers only; the "
            "output layer stays linear."
        )
    expect_close(
        got,
        expected,
        what='stack_forward(X, layers, "relu")',
        hint="Apply max(0, z) to the output of every layer except the last.",
    )


def test_collapse_shapes(student):
    layers = _random_stack(31, [5, 7, 2])
    (W1, b1), (W2, b2) = layers
    _pair(
        student.collapse(W1, b1, W2, b2),
        "collapse(W1, b1, W2, b2) with W1 (7, 5), W2 (2, 7)",
        2,
        5,
    )


def test_collapse_matches_two_layers(student):
    widths = [6, 4, 3]
    layers = _random_stack(41, widths)
    (W1, b1), (W2, b2) = layers
    W, b = _pair(student.collapse(W1, b1, W2, b2), "collapse(W1, b1, W2, b2)", 3, 6)
    expect_close(
        b,
        W2 @ b1 + b2,
        what="collapse(...)[1], the collapsed b",
        hint="Feed x = 0 through both layers: the first bias also passes through W2.",
    )
    X = _batch(42, 25, 6)
    expect_close(
        X @ W.T + b,
        _network(X, layers),
        what="X @ W.T + b with (W, b) = collapse(W1, b1, W2, b2), compared with the two-layer network",
        hint="Expand W2 (W1 x + b1) + b2.",
    )


def test_collapse_order_matters(student):
    # Square layers: W1 @ W2 has the right shape, but it is not the same map as W2 @ W1.
    layers = _random_stack(51, [3, 3, 3])
    (W1, b1), (W2, b2) = layers
    assert not np.allclose(W1 @ W2, W2 @ W1)
    W, _ = _pair(
        student.collapse(W1, b1, W2, b2),
        "collapse(W1, b1, W2, b2) with 3x3 layers",
        3,
        3,
    )
    expect_close(
        W,
        W2 @ W1,
        what="collapse(...)[0], the collapsed W, with square layers",
        hint="Matrix products do not commute: layer 1 acts first, so its matrix stands on the right.",
    )


DEEP_WIDTHS = {
    "two layers 5->7->2": [5, 7, 2],
    "three layers 4->6->5->3": [4, 6, 5, 3],
    "five layers 3->6->4->8->5->2": [3, 6, 4, 8, 5, 2],
    "three square layers 3->3->3->3": [3, 3, 3, 3],
}


@pytest.mark.parametrize("widths", DEEP_WIDTHS.values(), ids=DEEP_WIDTHS.keys())
def test_collapse_stack_matches_network(student, widths):
    layers = _random_stack(61 + len(widths), widths)
    X = _batch(62, 20, widths[0])
    what = f"collapse_stack(layers) for widths {widths}"
    W, b = _pair(student.collapse_stack(layers), what, widths[-1], widths[0])
    expect_close(
        X @ W.T + b,
        _network(X, layers),
        what=f"X @ W.T + b with (W, b) = {what}, compared with the stacked network",
        hint="Collapse the first two layers, then collapse that result with the third, and so on.",
    )


def test_collapse_stack_one_layer_unchanged(student):
    layers = _random_stack(71, [5, 3])
    W1, b1 = layers[0]
    W, b = _pair(student.collapse_stack(layers), "collapse_stack([(W, b)])", 3, 5)
    hint = "A stack of one layer is already collapsed: return its W and b."
    expect_close(W, W1, what="collapse_stack([(W, b)])[0]", hint=hint)
    expect_close(b, b1, what="collapse_stack([(W, b)])[1]", hint=hint)


def test_relu_network_does_not_collapse(student):
    """The quiz's answer: linear layers gain nothing; a non-linearity between them does."""
    widths = [4, 8, 6, 3]
    layers = _random_stack(81, widths)
    X = _batch(82, 200, widths[0])
    W, b = _pair(student.collapse_stack(layers), "collapse_stack(layers)", 3, 4)
    collapsed = X @ W.T + b

    linear = expect_array(
        student.stack_forward(X, layers, None),
        what="stack_forward(X, layers, None)",
        shape=(200, 3),
    )
    expect_close(
        collapsed,
        linear,
        what="the collapsed layer from collapse_stack(layers), compared with stack_forward(X, layers, None)",
        hint="Without activations the stack is one linear layer in disguise, so the two must agree.",
    )

    relu = expect_array(
        student.stack_forward(X, layers, "relu"),
        what='stack_forward(X, layers, "relu")',
        shape=(200, 3),
    )
    scale = np.linalg.norm(relu - relu.mean(axis=0))
    if np.linalg.norm(relu - collapsed) <= 0.1 * scale:
        fail(
            'stack_forward(X, layers, "relu") gives (almost) the same output as the single layer '
            "from collapse_stack(layers). With ReLU between the layers the network should no "
            "longer be one linear layer: check that stack_forward really applies the activation "
            "between layers."
        )
    # Not just the collapsed layer: no affine map at all (the best least-squares fit) reproduces it.
    A = np.hstack([X, np.ones((len(X), 1))])
    coef, *_ = np.linalg.lstsq(A, relu, rcond=None)
    if np.linalg.norm(relu - A @ coef) <= 0.1 * scale:
        fail(
            'stack_forward(X, layers, "relu") is still (almost) an affine map of X: the best single '
            "linear layer fitted to it reproduces it. A ReLU between layers bends the map; check "
            "where and how the activation is applied."
        )


QUIZ_CHOICES = {"better", "worse", "no difference"}


def test_quiz_linear_stack(student):
    answer = student.quiz_answer()
    if not isinstance(answer, str) or answer.strip().lower() not in QUIZ_CHOICES:
        fail(f'quiz_answer(): expected one of "better", "worse" or "no difference". Received: {answer!r:.60}')
    if answer.strip().lower() != "no difference":
        fail(
            "quiz_answer(): not the answer your own functions give. Compare stack_forward(X, layers) "
            "with the single layer from collapse_stack(layers): what can the stack do that one layer cannot?"
        )
