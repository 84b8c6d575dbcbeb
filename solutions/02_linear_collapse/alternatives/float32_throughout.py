"""Exercise 02, a correct alternative: everything in float32, with np.matmul and a while loop."""

from __future__ import annotations

import numpy as np


def _f32(a):
    return np.asarray(a, dtype=np.float32)


def stack_forward(X, layers, activation=None):
    out = _f32(X)
    for k, (W, b) in enumerate(layers):
        out = np.matmul(out, _f32(W).T) + _f32(b)
        if activation is not None and k < len(layers) - 1:
            out = np.where(out > 0, out, np.float32(0.0))
    return out


def collapse(W1, b1, W2, b2):
    W2 = _f32(W2)
    return np.matmul(W2, _f32(W1)), np.matmul(W2, _f32(b1)) + _f32(b2)


def collapse_stack(layers):
    W, b = _f32(layers[0][0]), _f32(layers[0][1])
    i = 1
    while i < len(layers):
        W, b = collapse(W, b, *layers[i])
        i += 1
    return W, b


def quiz_answer():
    return " no difference "
