# caught by: test_neuron_returns_python_float
"""neuron forgets to sum: returns the array w * x + b instead of one number."""

import numpy as np


def neuron(x, w, b):
    return np.asarray(w) * np.asarray(x) + b
