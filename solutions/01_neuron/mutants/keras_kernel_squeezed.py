# caught by: test_keras_dense_edge_shapes
"""keras_dense squeezes W before transposing it: a layer with one unit (or one input) gets a 1-D kernel."""

import keras
import numpy as np


def keras_dense(W, b):
    W = np.asarray(W, dtype="float32")
    b = np.asarray(b, dtype="float32")
    n_units, n_inputs = W.shape
    layer = keras.layers.Dense(n_units)
    model = keras.Sequential([keras.Input(shape=(n_inputs,)), layer])
    layer.set_weights([np.squeeze(W).T, b])
    return model
