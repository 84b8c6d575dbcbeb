"""Activation functions, their derivatives, and a small network that fits XOR.

A layer of a neural network computes x(n) = f(W(n) x(n-1) + b(n)). Without the
non-linear function f, stacked layers collapse into one linear map. Here you
write the usual choices of f in NumPy, their derivatives (needed to train),
and a Keras model that uses one to solve a problem no linear model can: XOR.
"""

import keras
import numpy as np


def sigmoid(x):
    """Logistic sigmoid 1 / (1 + exp(-x)), element-wise.

    x: array of any shape. Returns a float array of the same shape, values in [0, 1].
    Must stay finite (no NaN, no overflow) for very large |x|, e.g. x = -1000 or 1000.
    """
    x = np.asarray(x, dtype=float)
    # exp of a non-positive number never overflows: use exp(-|x|) for both signs.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def relu(x):
    """Rectified linear unit max(0, x), element-wise.

    x: array of any shape. Returns a float array of the same shape.
    """
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0)


def leaky_relu(x, alpha=0.01):
    """Leaky ReLU: x where x > 0, alpha * x elsewhere, element-wise.

    x: array of any shape; alpha: the slope for negative inputs (a small positive number).
    Returns a float array of the same shape.
    """
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alpha * x)


def tanh(x):
    """Hyperbolic tangent, element-wise.

    x: array of any shape. Returns a float array of the same shape, values in [-1, 1].
    Must stay finite for very large |x|.
    """
    x = np.asarray(x, dtype=float)
    return np.tanh(x)


def softmax(z, axis=-1):
    """Softmax exp(z_i) / sum_j exp(z_j), taken along `axis`.

    z: array of any shape (for a batch of scores: shape (n_samples, n_classes)).
    axis: the axis that holds the classes; the result sums to 1 along it.
    Returns a float array of the same shape as z. Must stay finite for very large
    scores, e.g. z = [1000, 0].
    """
    z = np.asarray(z, dtype=float)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def sigmoid_grad(x):
    """Derivative of sigmoid at x (x is the input of sigmoid, not its output).

    x: array of any shape. Returns a float array of the same shape.
    """
    s = sigmoid(x)
    return s * (1.0 - s)


def relu_grad(x):
    """Derivative of relu at x: 1 where x > 0, 0 elsewhere (0 at x = 0 as well).

    x: array of any shape. Returns a float array of the same shape.
    """
    x = np.asarray(x, dtype=float)
    return (x > 0).astype(float)


def leaky_relu_grad(x, alpha=0.01):
    """Derivative of leaky_relu at x: 1 where x > 0, alpha elsewhere (alpha at x = 0).

    x: array of any shape; alpha: the negative slope. Returns a float array of the same shape.
    """
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alpha)


def tanh_grad(x):
    """Derivative of tanh at x (x is the input of tanh, not its output).

    x: array of any shape. Returns a float array of the same shape.
    """
    t = tanh(x)
    return 1.0 - t * t


def xor_model(X, y):
    """Build, compile and train a small Keras network that fits XOR; return it.

    X: float array of shape (4, 2), the four corners (0, 0), (0, 1), (1, 0), (1, 1).
    y: array of shape (4,), the labels 0, 1, 1, 0 (1 where exactly one input is 1).
    Returns the trained keras.Model. It takes inputs of shape (n, 2) and outputs the
    probability of label 1, shape (n, 1): one Dense unit with a sigmoid activation,
    after at least one hidden Dense layer with a non-linear activation.
    Use only built-in Keras layers (no Lambda layers) and keep training under ~10 s.
    """
    X = np.asarray(X, dtype="float32")
    y = np.asarray(y, dtype="float32").reshape(-1, 1)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(8, activation="tanh"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="binary_crossentropy")
    # Four points are too few for a useful batch: repeat them so each epoch takes
    # several optimiser steps, which keeps the number of (slow) epochs small.
    Xr, yr = np.tile(X, (64, 1)), np.tile(y, (64, 1))
    model.fit(Xr, yr, batch_size=32, epochs=15, shuffle=True, verbose=0)
    return model


# ---- mutant ----
"""Softmax without subtracting the maximum: exp(1000) overflows to inf, inf / inf is NaN."""

import numpy as np


def softmax(z, axis=-1):
    e = np.exp(np.asarray(z, dtype=float))
    return e / np.sum(e, axis=axis, keepdims=True)
