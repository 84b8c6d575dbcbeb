# caught by: test_relu_network_does_not_collapse, test_collapse_stack_matches_network
"""Generalises b* = W2 b1 + b2 to b* = W_last (b1 + ... + b_{n-1}) + b_n.

Right for two layers, wrong for three or more.
"""

import numpy as np


def collapse_stack(layers):
    Ws = [np.asarray(W, dtype=float) for W, _ in layers]
    bs = [np.asarray(b, dtype=float) for _, b in layers]
    W = Ws[0]
    for W_next in Ws[1:]:
        W = W_next @ W
    b = bs[-1] + (Ws[-1] @ sum(bs[:-1]) if len(layers) > 1 else 0.0)
    return W, b
