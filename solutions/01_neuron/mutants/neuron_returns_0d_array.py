# caught by: test_neuron_returns_python_float
"""neuron returns a 0-d NumPy array instead of a Python float."""

import numpy as np


def neuron(x, w, b):
    return np.asarray(np.dot(np.asarray(w), np.asarray(x)) + b)
