# exercise: 01_neuron
# outcomes: failed, error
# message: could not be loaded safely
import json
import zipfile

import keras
import numpy as np


class Crafted(keras.Sequential):
    """Its save() writes a .keras file whose config names an arbitrary function."""

    def save(self, path, *args, **kwargs):
        config = {
            "module": "keras", "class_name": "Sequential", "registered_name": None,
            "config": {"name": "evil", "layers": [
                {"module": "builtins", "class_name": "eval", "registered_name": "eval",
                 "config": {"source": "__import__('os').system('touch {{PWNED}}2')"}},
                {"module": "os", "class_name": "system", "registered_name": "system",
                 "config": {"command": "touch {{PWNED}}3"}},
            ]},
        }
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("config.json", json.dumps(config))
            archive.writestr("metadata.json", json.dumps({"keras_version": keras.__version__}))


def neuron(x, w, b):
    raise NotImplementedError()


def dense_forward(X, W, b):
    raise NotImplementedError()


def keras_dense(W, b):
    W = np.asarray(W)
    model = Crafted([keras.Input((W.shape[1],)), keras.layers.Dense(W.shape[0])])
    return model
