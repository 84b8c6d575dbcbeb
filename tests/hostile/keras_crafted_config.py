# exercise: 01_neuron
# outcomes: failed, error
# message: could not be loaded safely
import keras
import numpy as np


def _crafted(model):
    """The config the student process sends: it names arbitrary functions instead of layers."""
    return {
        "module": "keras", "class_name": "Sequential", "registered_name": None,
        "config": {"name": "evil", "layers": [
            {"module": "builtins", "class_name": "eval", "registered_name": "eval",
             "config": {"source": "__import__('os').system('touch {{PWNED}}2')"}},
            {"module": "os", "class_name": "system", "registered_name": "system",
             "config": {"command": "touch {{PWNED}}3"}},
        ]},
    }


keras.saving.serialize_keras_object = _crafted


def neuron(x, w, b):
    raise NotImplementedError()


def dense_forward(X, W, b):
    raise NotImplementedError()


def keras_dense(W, b):
    W = np.asarray(W)
    model = keras.Sequential([keras.Input((W.shape[1],)), keras.layers.Dense(W.shape[0])])
    return model
