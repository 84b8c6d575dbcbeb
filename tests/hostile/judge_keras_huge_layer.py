# exercise: 01_neuron
# outcomes: passed, failed
# passes: test_neuron_matches_formula, test_neuron_returns_python_float, test_dense_forward_shape, test_dense_forward_values, test_dense_forward_property
# message: parameters (at most
# judge_seconds: 100
"""A returned model whose config, as sent, declares a Dense layer of 20 million units (120 million weights).

The student replaces the serialisation the student process uses, so the judge receives a forged
config for plain Keras classes next to the real (small) weights.
"""

import keras
import numpy as np

_real = keras.saving.serialize_keras_object


def _forged(model):
    config = _real(model)
    for layer in config.get("config", {}).get("layers", []):
        if layer.get("class_name") == "Dense":
            layer["config"]["units"] = 20_000_000
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
