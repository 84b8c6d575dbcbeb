"""Exercise 02 (mutant): stack_forward defaults to activation="relu", so a call without the argument is not linear.

Convention (the same as exercise 01): a layer is a pair ``(W, b)`` with ``W`` of
shape ``(n_units, n_inputs)`` and ``b`` of shape ``(n_units,)``; a batch ``X``
has shape ``(n_samples, n_inputs)``, one sample per row.
"""

import numpy as np


def stack_forward(X: np.ndarray, layers: list, activation: str | None = "relu") -> np.ndarray:
    """Run a batch through a stack of dense layers.

    Each layer computes ``x(n) = W(n) x(n-1) + b(n)`` for every sample. If
    ``activation`` is ``"relu"``, apply ReLU (``max(0, z)``) to the output of every
    layer except the last one; if it is ``None``, apply nothing (a purely linear
    network).

    Args:
        X: array of shape ``(n_samples, n_inputs)``.
        layers: list of ``(W, b)`` pairs, first layer first. Layer ``k`` has
            ``W`` of shape ``(n_units_k, n_units_{k-1})`` and ``b`` of shape
            ``(n_units_k,)``.
        activation: ``None`` or ``"relu"``.

    Returns:
        Array of shape ``(n_samples, n_units_last)``.
    """
    out = np.asarray(X, dtype=float)
    last = len(layers) - 1
    for k, (W, b) in enumerate(layers):
        out = out @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
        if activation == "relu" and k < last:
            out = np.maximum(out, 0.0)
    return out


def collapse(W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Collapse two linear layers (layer 1 applied first) into one.

    Find ``W`` and ``b`` such that ``W x + b == W2 (W1 x + b1) + b2`` for every ``x``.

    Args:
        W1: shape ``(n_hidden, n_inputs)``; b1: shape ``(n_hidden,)``.
        W2: shape ``(n_outputs, n_hidden)``; b2: shape ``(n_outputs,)``.

    Returns:
        ``(W, b)`` with ``W`` of shape ``(n_outputs, n_inputs)`` and ``b`` of
        shape ``(n_outputs,)``.
    """
    W1, b1 = np.asarray(W1, dtype=float), np.asarray(b1, dtype=float)
    W2, b2 = np.asarray(W2, dtype=float), np.asarray(b2, dtype=float)
    return W2 @ W1, W2 @ b1 + b2


def collapse_stack(layers: list) -> tuple[np.ndarray, np.ndarray]:
    """Collapse a whole stack of linear layers (any depth, at least one) into one.

    Args:
        layers: list of ``(W, b)`` pairs, first layer first, as in ``stack_forward``.

    Returns:
        ``(W, b)`` such that ``X @ W.T + b`` equals ``stack_forward(X, layers)``;
        ``W`` has shape ``(n_units_last, n_inputs)`` and ``b`` shape ``(n_units_last,)``.
    """
    W, b = layers[0]
    W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    for W_next, b_next in layers[1:]:
        W, b = collapse(W, b, W_next, b_next)
    return W, b


def quiz_answer() -> str:
    """Your answer to the lecture's quiz, once ``collapse_stack`` works.

    A network of several layers ``x(n) = W(n) x(n-1) + b(n)``, with no activation
    between them: compared with a single layer, is it a) better, b) worse, or
    c) no different? Return ``"better"``, ``"worse"`` or ``"no difference"``.
    """
    return "no difference"
