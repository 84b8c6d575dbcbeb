# caught by: test_size_one_dimensions_kept
"""Exercise 02 (mutant): stack_forward squeezes its output, losing the size-1 dimensions (one sample, one unit).

Convention (the same as exercise 01): a layer is a pair ``(W, b)`` with ``W`` of
shape ``(n_units, n_inputs)`` and ``b`` of shape ``(n_units,)``; a batch ``X``
has shape ``(n_samples, n_inputs)``, one sample per row.
"""

import numpy as np


def stack_forward(X: np.ndarray, layers: list, activation: str | None = None) -> np.ndarray:
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
    return np.squeeze(out)
