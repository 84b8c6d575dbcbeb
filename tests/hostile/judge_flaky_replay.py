# exercise: 02_linear_collapse
# outcomes: passed, failed
# passes: test_collapse_shapes, test_collapse_order_matters, test_relu_network_does_not_collapse
# message: expected
# never in a message: Flaky
"""Wrong the first time each input is seen, right when asked again: Hypothesis replays a failing
example, the replay passes, and it raises FlakyFailure. That is the student's loss (failed, with
the first failure's message), never a grader error or a "could not check" message. Its shape-only
and order tests pass honestly: the shapes are right, and the two orders differ."""

import numpy as np

_SEEN = set()


def _first_time(*args):
    key = repr([np.asarray(a, dtype=object).tobytes() if not isinstance(a, list) else repr(a) for a in args])
    first = key not in _SEEN
    _SEEN.add(key)
    return first


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for i, (W, b) in enumerate(layers):
        out = out @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
        if activation == "relu" and i < len(layers) - 1:
            out = np.maximum(out, 0.0)
    return out + 1.0 if _first_time(X, repr(layers), activation) else out


def collapse(W1, b1, W2, b2):
    W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (W1, b1, W2, b2))
    W, b = W2 @ W1, W2 @ b1 + b2
    return (W, b + 1.0) if _first_time(W1, b1, W2, b2) else (W, b)


def collapse_stack(layers):
    W, b = np.asarray(layers[0][0], dtype=float), np.asarray(layers[0][1], dtype=float)
    for W_next, b_next in layers[1:]:
        W_next, b_next = np.asarray(W_next, dtype=float), np.asarray(b_next, dtype=float)
        W, b = W_next @ W, W_next @ b + b_next
    return W, b + 1.0  # always wrong
