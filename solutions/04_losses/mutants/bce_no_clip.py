# caught by: test_bce_uses_eps
"""Binary cross-entropy without clipping: log(0) gives inf (and 0 * inf gives NaN) at p = 0 or 1."""

import numpy as np


def binary_crossentropy(y_true, p, eps=1e-7, reduction="mean"):
    y_true = np.asarray(y_true, dtype=float)
    p = np.asarray(p, dtype=float)
    terms = -(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p))
    per_sample = terms.mean(axis=-1) if terms.ndim > 1 else terms
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
