# caught by: test_neuron_returns_python_float, test_neuron_matches_formula
"""neuron forgets the bias: returns sum_i w_i x_i instead of sum_i w_i x_i + b."""

import numpy as np


def neuron(x, w, b):
    return float(np.dot(w, x))
