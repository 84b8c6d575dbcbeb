# exercise: 01_neuron
# outcomes: passed, failed
# passes: test_neuron_matches_formula, test_neuron_returns_python_float, test_dense_forward_shape, test_dense_forward_values, test_dense_forward_property
# message: larger than 8 MB
# judge_seconds: 100
"""A correct model whose config, as sent, carries 20 MB of padding (under the 64 MB answer cap).

The successor of the deflate bomb: the judge no longer unpacks any archive, so the padding has to
cross the pipe, and the config's own size cap refuses it before JSON parsing.
"""

import keras
import numpy as np


_real = keras.saving.serialize_keras_object


def _forged(model):
    config = _real(model)
    config["padding"] = " " * (20 << 20)
    return config


keras.saving.serialize_keras_object = _forged


def neuron(x, w, b):
    return float(np.dot(x, w) + b)


def dense_forward(X, W, b):
    return np.asarray(X) @ np.asarray(W).T + b


def keras_dense(W, b):
    W = np.asarray(W)
    model = keras.Sequential([keras.Input((W.shape[1],)), keras.layers.Dense(W.shape[0])])
    model.layers[-1].set_weights([W.T, np.asarray(b)])
    return model
