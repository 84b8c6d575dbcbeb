# caught by: test_bce_from_logits_extreme
"""Logits version with the textbook form z - z*y + log(1 + exp(-z)): exp overflows for z = -1000."""

import numpy as np


def binary_crossentropy_from_logits(y_true, logits, reduction="mean"):
    y_true = np.asarray(y_true, dtype=float)
    z = np.asarray(logits, dtype=float)
    terms = z - z * y_true + np.log(1.0 + np.exp(-z))
    per_sample = terms.mean(axis=-1) if terms.ndim > 1 else terms
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
