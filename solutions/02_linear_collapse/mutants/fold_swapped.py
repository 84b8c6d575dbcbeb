# caught by: test_relu_network_does_not_collapse
"""Folds the stack with the arguments swapped: collapse(next, accumulated) puts the new layer first.

`collapse` is the reference solution's (this file is appended to it).
"""

import numpy as np


def collapse_stack(layers):
    W, b = (np.asarray(a, dtype=float) for a in layers[0])
    for W_next, b_next in layers[1:]:
        W, b = collapse(W_next, b_next, W, b)  # noqa: F821
    return W, b
