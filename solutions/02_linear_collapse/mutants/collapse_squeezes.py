# caught by: test_size_one_dimensions_kept, test_collapse_property
"""Exercise 02 (mutant): collapse squeezes W and b, so a single output or input loses a dimension.

Convention (the same as exercise 01): a layer is a pair ``(W, b)`` with ``W`` of
shape ``(n_units, n_inputs)`` and ``b`` of shape ``(n_units,)``; a batch ``X``
has shape ``(n_samples, n_inputs)``, one sample per row.
"""

import numpy as np


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
    return np.squeeze(W2 @ W1), np.squeeze(W2 @ b1 + b2)
