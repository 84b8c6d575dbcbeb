# caught by: test_keras_dense_matches_numpy, test_keras_dense_weights
"""keras_dense reshapes W to (n_inputs, n_units) instead of transposing it."""

import keras
import numpy as np


def keras_dense(W, b):
    W = np.asarray(W, dtype="float32")
    n_units, n_inputs = W.shape
    layer = keras.layers.Dense(n_units)
    model = keras.Sequential([keras.Input(shape=(n_inputs,)), layer])
    layer.set_weights([W.reshape(n_inputs, n_units), np.asarray(b, dtype="float32")])
    return model
