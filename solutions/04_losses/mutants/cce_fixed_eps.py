# caught by: test_cce_uses_eps
"""categorical_crossentropy ignores its eps argument: clips with a hard-coded 1e-7."""

import numpy as np


def categorical_crossentropy(y_true_onehot, p, eps=1e-7, reduction="mean"):
    y_true = np.asarray(y_true_onehot, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), 1e-7, 1.0 - 1e-7)
    per_sample = -np.sum(y_true * np.log(p), axis=-1)
    return reduce_loss(per_sample, reduction)  # noqa: F821 (defined in the solution)
