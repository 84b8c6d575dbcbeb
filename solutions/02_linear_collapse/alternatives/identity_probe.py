"""Exercise 02, a correct alternative: einsum, and the collapsed layer read off by probing the stack.

A linear stack is an affine map f(x) = W x + b: b = f(0), and column j of W is what the same
stack without its biases makes of the unit vector e_j.
"""

from __future__ import annotations

from functools import reduce

import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for k, (W, b) in enumerate(layers):
        out = np.einsum("su,nu->sn", out, np.asarray(W, dtype=float)) + np.asarray(b, dtype=float)
        if activation == "relu" and k + 1 < len(layers):
            out = np.clip(out, 0.0, None)
    return out


def _probe(layers):
    n_inputs = np.asarray(layers[0][0]).shape[1]
    b = stack_forward(np.zeros((1, n_inputs)), layers)[0]
    unbiased = [(W, np.zeros(np.shape(b_k))) for W, b_k in layers]
    return stack_forward(np.eye(n_inputs), unbiased).T, b


def collapse(W1, b1, W2, b2):
    return _probe([(W1, b1), (W2, b2)])


def collapse_stack(layers):
    # fold from the last layer backwards: (W, b) maps layer k's input to the output
    last_W, last_b = (np.asarray(a, dtype=float) for a in layers[-1])

    def absorb(acc, layer):
        W, b = acc
        W_k, b_k = (np.asarray(a, dtype=float) for a in layer)
        return W @ W_k, W @ b_k + b

    return reduce(absorb, reversed(layers[:-1]), (last_W, last_b))


def quiz_answer():
    return "No difference"
