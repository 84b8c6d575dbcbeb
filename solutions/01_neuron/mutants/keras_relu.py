# caught by: test_keras_dense_matches_numpy, test_keras_dense_layer
"""keras_dense puts a ReLU activation on the Dense layer (the task asks for a linear layer)."""

import keras
import numpy as np


def keras_dense(W, b):
    W = np.asarray(W, dtype="float32")
    n_units, n_inputs = W.shape
    layer = keras.layers.Dense(n_units, activation="relu")
    model = keras.Sequential([keras.Input(shape=(n_inputs,)), layer])
    layer.set_weights([W.T, np.asarray(b, dtype="float32")])
    return model
