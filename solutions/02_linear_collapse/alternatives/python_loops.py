"""Exercise 02, a correct alternative: pure-Python loops over lists, NumPy only to return arrays."""

import numpy as np


def _rows(a):
    return [[float(v) for v in row] for row in np.asarray(a)]


def _affine(W, b, x):
    """W x + b for one sample x (lists)."""
    return [sum(w * v for w, v in zip(row, x, strict=True)) + bias for row, bias in zip(W, b, strict=True)]


def stack_forward(X, layers, activation=None):
    outputs = []
    for x in _rows(X):
        for k, (W, b) in enumerate(layers):
            x = _affine(_rows(W), [float(v) for v in b], x)
            if activation == "relu" and k != len(layers) - 1:
                x = [v if v > 0 else 0.0 for v in x]
        outputs.append(x)
    n_units = np.asarray(layers[-1][0]).shape[0]
    return np.array(outputs, dtype=float).reshape(len(outputs), n_units)


def collapse(W1, b1, W2, b2):
    W1, W2 = _rows(W1), _rows(W2)
    n_inputs = len(W1[0])
    W = [[sum(W2[i][h] * W1[h][j] for h in range(len(W1))) for j in range(n_inputs)] for i in range(len(W2))]
    b = _affine(W2, [float(v) for v in b2], [float(v) for v in b1])
    return np.array(W).reshape(len(W2), n_inputs), np.array(b).reshape(len(W2))


def collapse_stack(layers):
    W, b = layers[0]
    W = np.array(_rows(W)).reshape(np.shape(W))
    b = np.array([float(v) for v in b])
    for W_next, b_next in layers[1:]:
        W, b = collapse(W, b, W_next, b_next)
    return W, b


def quiz_answer():
    return "no difference"
