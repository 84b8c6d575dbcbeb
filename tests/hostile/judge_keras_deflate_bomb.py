# exercise: 01_neuron
# outcomes: passed, failed
# passes: test_neuron_matches_formula, test_neuron_returns_python_float, test_dense_forward_shape, test_dense_forward_values, test_dense_forward_property
# message: expands too much
# judge_seconds: 100
"""A correct model whose config.json inflates to 400 MB of spaces (under Keras' own 4 GiB guard)."""

import json
import zipfile

import keras
import numpy as np


class Padded(keras.Sequential):
    def save(self, path, *args, **kwargs):
        super().save(path, *args, **kwargs)
        with zipfile.ZipFile(path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        config = json.loads(members["config.json"])
        config.update(module="keras", class_name="Sequential", registered_name=None)  # a plain Sequential
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, data in members.items():
                if name != "config.json":
                    archive.writestr(name, data)
            with archive.open("config.json", "w", force_zip64=True) as handle:
                handle.write(json.dumps(config).encode())
                block = b" " * (1 << 20)
                for _ in range(400):
                    handle.write(block)


def neuron(x, w, b):
    return float(np.dot(x, w) + b)


def dense_forward(X, W, b):
    return np.asarray(X) @ np.asarray(W).T + b


def keras_dense(W, b):
    W = np.asarray(W)
    model = Padded([keras.Input((W.shape[1],)), keras.layers.Dense(W.shape[0])])
    model.layers[-1].set_weights([W.T, np.asarray(b)])
    return model
