# exercise: 01_neuron
# outcomes: passed, failed
# passes: test_neuron_matches_formula, test_neuron_returns_python_float, test_dense_forward_shape, test_dense_forward_values, test_dense_forward_property
# message: parameters (at most
# judge_seconds: 100
"""A .keras file whose config declares a Dense layer of 20 million units (120 million weights)."""

import json
import zipfile

import keras
import numpy as np


class Declared(keras.Sequential):
    """Saves itself, then rewrites config.json so that its Dense layer is enormous."""

    def save(self, path, *args, **kwargs):
        super().save(path, *args, **kwargs)
        with zipfile.ZipFile(path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        config = json.loads(members["config.json"])
        config.update(module="keras", class_name="Sequential", registered_name=None)  # a plain Sequential
        for layer in config["config"]["layers"]:
            if layer["class_name"] == "Dense":
                layer["config"]["units"] = 20_000_000
        members["config.json"] = json.dumps(config).encode()
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)


def neuron(x, w, b):
    return float(np.dot(x, w) + b)


def dense_forward(X, W, b):
    return np.asarray(X) @ np.asarray(W).T + b


def keras_dense(W, b):
    W = np.asarray(W)
    model = Declared([keras.Input((W.shape[1],)), keras.layers.Dense(W.shape[0])])
    model.layers[-1].set_weights([W.T, np.asarray(b)])
    return model
