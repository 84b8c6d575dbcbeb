"""Exercise 01: a single neuron and a dense layer.

Conventions (the same as the slides' y_i = W_ij x_j + b_i):

- one sample ``x`` is a 1-D array of ``n_inputs`` numbers;
- a batch ``X`` has shape ``(n_samples, n_inputs)``: one sample per row;
- ``W`` has shape ``(n_units, n_inputs)``: row ``i`` holds the weights of unit ``i``;
- ``b`` has shape ``(n_units,)``: one bias per unit.
"""

import keras
import numpy as np


def neuron(x, w, b):
    """One neuron: y = sum_i w_i x_i + b.

    Parameters
    ----------
    x : 1-D array, shape (n_inputs,)
        The inputs of one sample.
    w : 1-D array, shape (n_inputs,)
        One weight per input.
    b : float
        The bias.

    Returns
    -------
    float
        The neuron's output, a single number (not an array).
    """
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    return float(np.dot(w, x) + b)


def dense_forward(X, W, b):
    """A dense (fully connected) layer on a batch: y_i = W_ij x_j + b_i for every sample.

    Parameters
    ----------
    X : array, shape (n_samples, n_inputs)
        One sample per row.
    W : array, shape (n_units, n_inputs)
        Row i holds the weights of unit i (the slides' W_ij).
    b : array, shape (n_units,)
        One bias per unit.

    Returns
    -------
    array, shape (n_samples, n_units)
        Row k holds the outputs of all units for sample X[k].
    """
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return X @ W.T + b


def keras_dense(W, b):
    """A Keras model with one Dense layer that holds exactly the weights W and b.

    Parameters
    ----------
    W : array, shape (n_units, n_inputs)
        The same convention as in ``dense_forward``.
    b : array, shape (n_units,)

    Returns
    -------
    keras.Model
        Takes inputs of shape (n_samples, n_inputs) and returns
        ``dense_forward(X, W, b)`` (in float32), with a linear activation
        (no activation function). Keras stores the kernel with shape
        (n_inputs, n_units).
    """
    W = np.asarray(W, dtype="float32")
    b = np.asarray(b, dtype="float32")
    n_units, n_inputs = W.shape
    layer = keras.layers.Dense(n_units, activation=None)
    model = keras.Sequential([keras.Input(shape=(n_inputs,)), layer])
    layer.set_weights([W.T, b])
    return model
