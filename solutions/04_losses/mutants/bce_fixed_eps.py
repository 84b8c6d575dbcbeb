# caught by: test_bce_uses_eps
"""Ignores the eps argument: clips with a hard-coded 1e-12 instead."""

import numpy as np


def binary_crossentropy(y_true, p, eps=1e-7, reduction="mean"):
    y_true = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), 1e-12, 1.0 - 1e-12)
    terms = -(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p))
    per_sample = terms.mean(axis=-1) if terms.ndim > 1 else terms
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
