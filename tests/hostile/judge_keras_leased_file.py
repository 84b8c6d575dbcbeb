# exercise: 01_neuron
# outcomes: passed, failed
# passes: test_neuron_matches_formula, test_neuron_returns_python_float, test_dense_forward_shape, test_dense_forward_values, test_dense_forward_property
# message: a model file that
# judge_seconds: 100
"""A correct model whose file holds a write lease: opening it blocks until the kernel breaks the lease (45 s).

Where leases are not allowed, a FIFO takes the file's place (opening it for reading blocks too).
"""

import fcntl
import json
import os
import signal
import zipfile

import keras
import numpy as np

HELD = []


class Leased(keras.Sequential):
    def save(self, path, *args, **kwargs):
        super().save(path, *args, **kwargs)
        with zipfile.ZipFile(path) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        config = json.loads(members["config.json"])
        config.update(module="keras", class_name="Sequential", registered_name=None)  # a plain Sequential
        members["config.json"] = json.dumps(config).encode()
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        signal.signal(signal.SIGIO, signal.SIG_IGN)  # the lease-break signal would end this process
        fd = os.open(path, os.O_RDWR)
        try:
            fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
        except OSError:  # no leases here: a FIFO in its place blocks a plain open() just the same
            os.close(fd)
            os.remove(path)
            os.mkfifo(path)
            fd = os.open(path, os.O_RDWR)
        HELD.append(fd)


def neuron(x, w, b):
    return float(np.dot(x, w) + b)


def dense_forward(X, W, b):
    return np.asarray(X) @ np.asarray(W).T + b


def keras_dense(W, b):
    W = np.asarray(W)
    model = Leased([keras.Input((W.shape[1],)), keras.layers.Dense(W.shape[0])])
    model.layers[-1].set_weights([W.T, np.asarray(b)])
    return model
