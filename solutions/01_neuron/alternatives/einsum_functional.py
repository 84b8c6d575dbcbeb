"""A correct solution: einsum in NumPy and a functional Keras model (keras.Model(inputs, outputs))."""

import keras
import numpy as np


def neuron(x, w, b):
    return float(np.einsum("i,i->", np.asarray(w, dtype=float), np.asarray(x, dtype=float)) + b)


def dense_forward(X, W, b):
    return np.einsum("kj,ij->ki", np.asarray(X, dtype=float), np.asarray(W, dtype=float)) + np.asarray(b, dtype=float)


def keras_dense(W, b):
    W = np.asarray(W, dtype="float32")
    inputs = keras.Input(shape=(W.shape[1],))
    layer = keras.layers.Dense(W.shape[0], activation="linear")
    model = keras.Model(inputs, layer(inputs))
    layer.set_weights([W.T, np.asarray(b, dtype="float32")])
    return model
