"""A correct solution with pure-Python loops; the Keras model is built then given its weights."""

import keras
import numpy as np


def neuron(x, w, b):
    total = 0.0
    for x_i, w_i in zip(list(x), list(w), strict=True):
        total += float(w_i) * float(x_i)
    return total + float(b)


def dense_forward(X, W, b):
    rows = []
    for sample in X:
        rows.append([neuron(sample, W[i], b[i]) for i in range(len(W))])
    return np.array(rows, dtype=float).reshape(len(X), len(W))


def keras_dense(W, b):
    n_units, n_inputs = np.shape(W)
    kernel = np.zeros((n_inputs, n_units), dtype="float32")
    for i in range(n_units):
        for j in range(n_inputs):
            kernel[j, i] = W[i][j]
    model = keras.Sequential([keras.layers.Dense(n_units)])
    model.build((None, n_inputs))
    model.layers[0].set_weights([kernel, np.array(list(b), dtype="float32")])
    return model
