# caught by: test_bce_from_logits_extreme
"""Logits version computed as binary_crossentropy(sigmoid(z)): sigmoid rounds to 0 or 1
for large |z|, the clipping then caps the loss near 16 instead of |z| (and exp overflows)."""

import numpy as np


def binary_crossentropy_from_logits(y_true, logits, reduction="mean"):
    p = 1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=float)))
    return binary_crossentropy(y_true, p, reduction=reduction)  # noqa: F821 (defined in the solution)
