# caught by: test_keras_dense_matches_numpy
"""keras_dense assigns only the kernel; the bias keeps its initial zeros."""

import keras
import numpy as np


def keras_dense(W, b):
    W = np.asarray(W, dtype="float32")
    n_units, n_inputs = W.shape
    layer = keras.layers.Dense(n_units)
    model = keras.Sequential([keras.Input(shape=(n_inputs,)), layer])
    layer.kernel.assign(W.T)
    return model
