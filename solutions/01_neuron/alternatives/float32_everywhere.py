"""A correct solution that computes in float32 (inputs cast, outputs float32 arrays) and builds the layer itself."""

import keras
import numpy as np


def neuron(x, w, b):
    x = np.asarray(x, dtype=np.float32)
    w = np.asarray(w, dtype=np.float32)
    return float(np.sum(x * w, dtype=np.float32) + np.float32(b))


def dense_forward(X, W, b):
    X = np.asarray(X, dtype=np.float32)
    W = np.asarray(W, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    return np.matmul(W, X.T).T + b[np.newaxis, :]


def keras_dense(W, b):
    W = np.asarray(W, dtype=np.float32)
    layer = keras.layers.Dense(units=W.shape[0], activation=None, name="dense_layer")
    layer.build((None, W.shape[1]))
    layer.kernel.assign(W.T)
    layer.bias.assign(np.asarray(b, dtype=np.float32))
    return keras.Sequential([keras.Input(shape=(W.shape[1],)), layer])
