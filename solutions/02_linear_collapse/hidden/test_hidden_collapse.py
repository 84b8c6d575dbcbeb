"""Hidden tests for 02_linear_collapse: stacked linear layers collapse into one."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.testing import expect_array, expect_close, fail, property_settings

# float32 solutions are correct too (the text states no dtype): rounding is relative to the size
# of the terms (a forward pass of absolute values), not to their possibly cancelling sum.
RTOL = 1e-5


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


def _sizes(X, layers):
    """The size of the terms behind each output: the network run on |X| with |W|, |b| and no activation."""
    return _network(np.abs(X), [(np.abs(W), np.abs(b)) for W, b in layers])


def _collapsed(layers):
    """The judge's collapse of a linear stack: W = W_n ... W_1, b = stack output at x = 0."""
    W, b = layers[0]
    for W_next, b_next in layers[1:]:
        W, b = W_next @ W, W_next @ b + b_next
    return W, b


def _close(got, expected, size, what, hint):
    expect_close(got, expected, what=what, rtol=RTOL, atol=RTOL * size + 1e-12, hint=hint)


def _batch(seed, n_samples, n_inputs):
    return np.random.default_rng(seed).normal(size=(n_samples, n_inputs))


def _pair(value, what, n_out, n_in):
    """Check that value is (W, b) with W (n_out, n_in) and b (n_out,); return the arrays."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        kind = type(value).__name__
        size = f" of length {len(value)}" if isinstance(value, (tuple, list)) else ""
        fail(f"{what}: expected a pair (W, b). Received: {kind}{size}.")
    squeeze = " Keep both dimensions of W and the 1-D b even when a size is 1 (no squeeze)."
    hint = squeeze if 1 in (n_out, n_in) else ""
    W = _shaped(value[0], f"{what}[0] (the collapsed W)", (n_out, n_in), hint)
    b = _shaped(value[1], f"{what}[1] (the collapsed b)", (n_out,), hint)
    return W, b


def _shaped(value, what, shape, hint=""):
    """expect_array with a shape, adding a hint when a size-1 dimension went missing."""
    array = expect_array(value, what=what)
    if array.shape != shape:
        fail(f"{what}: expected an array of shape {shape}. Received: shape {array.shape}.{hint}")
    bad = int(np.size(array) - np.isfinite(array).sum())
    if bad:  # every input is finite, so is every right answer: a NaN array has the shape but not an answer
        fail(f"{what}: expected finite numbers. Received: NaN or infinity in {bad} of {array.size} entries.")
    return array


# --- hints chosen from what the wrong answer matches ----------------------------------------------


def _forward_hint(got, X, layers, relu):
    """Why stack_forward's output is wrong, judged by which wrong network it equals."""
    same = lambda a: a.shape == got.shape and np.allclose(got, a, rtol=1e-4, atol=1e-6)  # noqa: E731
    if relu and same(_network(X, layers)):
        return 'The output is the purely linear network\'s: with activation="relu", apply max(0, z) between layers.'
    if not relu and same(_network(X, layers, relu=True)):
        return "The output has ReLU between the layers, but activation=None means a purely linear network."
    if relu and same(np.maximum(_network(X, layers, relu=True), 0.0)):
        return "ReLU was applied after the last layer too: the output layer stays linear."
    if relu and same(_relu_before(X, layers)):
        return "ReLU was applied to each layer's input, starting with X: apply it to every layer's output but the last."
    if len(layers) > 1 and layers[-1][0].shape[1] == X.shape[1] and same(_network(X, layers[-1:], relu)):
        return "Only the last layer was applied: feed each layer's output into the next one."
    if len(layers) > 1 and got.shape == (len(X), layers[-1][0].shape[0]):
        return "Feed each layer's output into the next: out = out @ W.T + b, first layer first."
    return "A layer maps the batch to out @ W.T + b, first layer first; keep the shape (n_samples, n_units_last)."


def _relu_before(X, layers):
    """ReLU put on the input of every layer but the last (X included) instead of on the outputs."""
    out = X
    for k, (W, b) in enumerate(layers):
        if k < len(layers) - 1:
            out = np.maximum(out, 0.0)
        out = out @ W.T + b
    return out


def _collapse_hint(W, b, layers):
    """Why a collapsed (W, b) is wrong, judged by the mistake it matches."""
    expected_W, expected_b = _collapsed(layers)
    same = lambda a, e: a.shape == e.shape and np.allclose(a, e, rtol=1e-4, atol=1e-6)  # noqa: E731
    hints = []
    if not same(W, expected_W):
        swapped = layers[0][0]
        for W_next, _ in layers[1:]:
            swapped = swapped @ W_next if swapped.shape[1] == W_next.shape[0] else None
            if swapped is None:
                break
        if swapped is not None and same(W, swapped):
            hints.append("W is the product in the wrong order: layer 1 acts first, so its matrix stands on the right.")
        else:
            hints.append("W must map x straight to the last layer's output: W = W_n ... W_2 W_1.")
    if not same(b, expected_b):
        biases = [b_k for _, b_k in layers]
        if len({b_k.shape for b_k in biases}) == 1 and same(b, sum(biases)):
            hints.append("b is the sum of the biases, but each bias also passes through every later layer's W.")
        elif same(b, layers[-1][1]):
            hints.append("b is the last bias alone: the earlier biases pass through the later layers too.")
        else:
            hints.append("Feed x = 0 through the layers: what comes out is b.")
    return " ".join(hints)


# --- stack_forward ------------------------------------------------------------------------------


STACK_WIDTHS = {
    "one layer 4->3": [4, 3],
    "two layers 5->7->2": [5, 7, 2],
    "four layers 3->6->4->8->2": [3, 6, 4, 8, 2],
}


@pytest.mark.parametrize("widths", STACK_WIDTHS.values(), ids=STACK_WIDTHS.keys())
def test_stack_forward_linear(student, widths):
    layers = _random_stack(11, widths)
    X = _batch(12, 16, widths[0])
    what = "stack_forward(X, layers, None)"
    got = _shaped(student.stack_forward(X, layers, None), what, (16, widths[-1]))
    _close(got, _network(X, layers), _sizes(X, layers), what, _forward_hint(got, X, layers, relu=False))


def test_stack_forward_relu_between_layers(student):
    widths = [4, 8, 6, 3]
    layers = _random_stack(21, widths)
    X = _batch(22, 40, widths[0])
    expected = _network(X, layers, relu=True)
    assert (expected < 0).any()  # the output layer is linear: some outputs are negative
    what = 'stack_forward(X, layers, "relu")'
    got = _shaped(student.stack_forward(X, layers, "relu"), what, (40, 3))
    if np.allclose(got, _network(X, layers)):
        fail(
            f"{what}: the output equals the purely linear network's, so the activation was never applied. "
            'With activation="relu", apply max(0, z) to the output of every layer except the last.'
        )
    if (got >= 0).all():
        fail(
            f"{what}: every output is >= 0, so ReLU was applied after the last layer too. Apply the "
            "activation between layers only; the output layer stays linear."
        )
    _close(got, expected, _sizes(X, layers), what, _forward_hint(got, X, layers, relu=True))


# Sizes of 1 that a stray squeeze (or a 1-D special case) would lose.
EDGE_CASES = {
    "one sample": (1, [3, 4, 2]),
    "one output unit": (5, [3, 4, 1]),
    "one input": (5, [1, 4, 2]),
    "one hidden unit": (5, [3, 1, 2]),
    "all ones": (1, [1, 1, 1]),
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_size_one_dimensions_kept(student, case):
    n_samples, widths = EDGE_CASES[case]
    layers = _random_stack(91, widths)
    X = _batch(92, n_samples, widths[0])
    squeeze = " Keep every dimension even when its size is 1 (no squeeze, no ravel)."
    for activation in (None, "relu"):
        what = f"stack_forward(X, layers, {activation!r}) with X of shape {X.shape} and widths {widths}"
        got = _shaped(student.stack_forward(X, layers, activation), what, (n_samples, widths[-1]), squeeze)
        relu = activation == "relu"
        _close(got, _network(X, layers, relu), _sizes(X, layers), what, _forward_hint(got, X, layers, relu))
    (W1, b1), (W2, b2) = layers
    what = f"collapse(W1, b1, W2, b2) for widths {widths}"
    W, b = _pair(student.collapse(W1, b1, W2, b2), what, widths[2], widths[0])
    _close(np.c_[W, b], np.c_[_collapsed(layers)], np.c_[_collapsed(_abs(layers))], what, _collapse_hint(W, b, layers))
    what = f"collapse_stack(layers) for widths {widths}"
    W, b = _pair(student.collapse_stack(layers), what, widths[2], widths[0])
    _close(np.c_[W, b], np.c_[_collapsed(layers)], np.c_[_collapsed(_abs(layers))], what, _collapse_hint(W, b, layers))


def _abs(layers):
    return [(np.abs(W), np.abs(b)) for W, b in layers]


# Property test: any widths from 1 to 4, 1 to 3 layers, 1 to 4 samples, float32 or float64,
# zeros and magnitudes up to 1e6; activation None (passed or left to its default) or "relu".
_SIZES = st.integers(1, 4)
_SCALES = st.sampled_from([0.0, 1.0, 1e3, 1e6])
_UNIT = st.floats(-1.0, 1.0, allow_nan=False, width=32)


@st.composite
def _stacks(draw, min_layers=1, max_layers=3):
    widths = draw(st.lists(_SIZES, min_size=min_layers + 1, max_size=max_layers + 1))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    scale = dtype(draw(_SCALES))
    layers = []
    for n_in, n_out in itertools.pairwise(widths):
        W = draw(hnp.arrays(dtype, (n_out, n_in), elements=_UNIT))
        b = draw(hnp.arrays(dtype, (n_out,), elements=_UNIT)) * scale
        layers.append((W, b))
    X = draw(hnp.arrays(dtype, (draw(_SIZES), widths[0]), elements=_UNIT)) * scale
    return X, layers


def _as64(X, layers):
    return X.astype(float), [(W.astype(float), b.astype(float)) for W, b in layers]


@property_settings(30)
@given(data=_stacks(), activation=st.sampled_from(["default", None, "relu"]))
def test_stack_forward_property(student, data, activation):
    X, layers = data
    widths = [layers[0][0].shape[1]] + [W.shape[0] for W, _ in layers]
    shown = "" if activation == "default" else f", {activation!r}"
    what = f"stack_forward(X, layers{shown}) with X of shape {X.shape}, widths {widths}, dtype {X.dtype}"
    if activation == "default":
        got = student.stack_forward(X, layers)
    else:
        got = student.stack_forward(X, layers, activation)
    squeeze = " Keep every dimension even when its size is 1 (no squeeze)."
    got = _shaped(got, what, (X.shape[0], widths[-1]), squeeze)
    X64, layers64 = _as64(X, layers)
    relu = activation == "relu"
    hint = _forward_hint(got, X64, layers64, relu)
    if activation == "default":
        hint = "Without an activation argument the network is purely linear (activation=None). " + hint
    _close(got, _network(X64, layers64, relu), _sizes(X64, layers64), what, hint)


# --- collapse -----------------------------------------------------------------------------------


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
    hint = _collapse_hint(W, b, layers)
    _, b_size = _collapsed(_abs(layers))
    _close(b, W2 @ b1 + b2, b_size, "collapse(...)[1], the collapsed b", hint)
    X = _batch(42, 25, 6)
    _close(
        X @ W.T + b,
        _network(X, layers),
        _sizes(X, layers),
        "X @ W.T + b with (W, b) = collapse(W1, b1, W2, b2), compared with the two-layer network",
        hint,
    )


def test_collapse_order_matters(student):
    # Square layers: W1 @ W2 has the right shape, but it is not the same map as W2 @ W1.
    layers = _random_stack(51, [3, 3, 3])
    (W1, b1), (W2, b2) = layers
    assert not np.allclose(W1 @ W2, W2 @ W1)
    W, b = _pair(
        student.collapse(W1, b1, W2, b2),
        "collapse(W1, b1, W2, b2) with 3x3 layers",
        3,
        3,
    )
    _close(
        W,
        W2 @ W1,
        np.abs(W2) @ np.abs(W1),
        "collapse(...)[0], the collapsed W, with square layers",
        _collapse_hint(W, b, layers),
    )


@property_settings(30)
@given(data=_stacks(min_layers=2, max_layers=2))
def test_collapse_property(student, data):
    _, layers = data
    (W1, b1), (W2, b2) = layers
    what = f"collapse(W1, b1, W2, b2) with W1 of shape {W1.shape}, W2 of shape {W2.shape}, dtype {W1.dtype}"
    W, b = _pair(student.collapse(W1, b1, W2, b2), what, W2.shape[0], W1.shape[1])
    layers64 = _as64(W1, layers)[1]
    hint = _collapse_hint(W, b, layers64)
    _close(np.c_[W, b], np.c_[_collapsed(layers64)], np.c_[_collapsed(_abs(layers64))], what, hint)


# --- collapse_stack -----------------------------------------------------------------------------


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
    _close(
        X @ W.T + b,
        _network(X, layers),
        _sizes(X, layers),
        f"X @ W.T + b with (W, b) = {what}, compared with the stacked network",
        _collapse_hint(W, b, layers)
        + " Collapse the first two layers, then collapse that result with the third, and so on.",
    )


def test_collapse_stack_one_layer_unchanged(student):
    layers = _random_stack(71, [5, 3])
    W1, b1 = layers[0]
    W, b = _pair(student.collapse_stack(layers), "collapse_stack([(W, b)])", 3, 5)
    hint = "A stack of one layer is already collapsed: return its W and b."
    _close(W, W1, np.abs(W1), "collapse_stack([(W, b)])[0]", hint)
    _close(b, b1, np.abs(b1), "collapse_stack([(W, b)])[1]", hint)


@property_settings(30)
@given(data=_stacks(min_layers=1, max_layers=4))
def test_collapse_stack_property(student, data):
    _, layers = data
    widths = [layers[0][0].shape[1]] + [W.shape[0] for W, _ in layers]
    what = f"collapse_stack(layers) for widths {widths}, dtype {layers[0][0].dtype}"
    W, b = _pair(student.collapse_stack(layers), what, widths[-1], widths[0])
    layers64 = _as64(layers[0][0], layers)[1]
    hint = _collapse_hint(W, b, layers64)
    if len(layers) == 1:
        hint = "A stack of one layer is already collapsed: return its W and b. " + hint
    _close(np.c_[W, b], np.c_[_collapsed(layers64)], np.c_[_collapsed(_abs(layers64))], what, hint)


# --- the quiz -----------------------------------------------------------------------------------


def test_relu_network_does_not_collapse(student):
    """The quiz's answer: linear layers gain nothing; a non-linearity between them does."""
    widths = [4, 8, 6, 3]
    layers = _random_stack(81, widths)
    X = _batch(82, 200, widths[0])
    W, b = _pair(student.collapse_stack(layers), "collapse_stack(layers)", 3, 4)
    collapsed = X @ W.T + b

    linear = _shaped(student.stack_forward(X, layers, None), "stack_forward(X, layers, None)", (200, 3))
    _close(
        collapsed,
        linear,
        _sizes(X, layers),
        "the collapsed layer from collapse_stack(layers), compared with stack_forward(X, layers, None)",
        "Without activations the stack is one linear layer in disguise, so the two must agree. "
        + _collapse_hint(W, b, layers),
    )

    relu = _shaped(student.stack_forward(X, layers, "relu"), 'stack_forward(X, layers, "relu")', (200, 3))
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
