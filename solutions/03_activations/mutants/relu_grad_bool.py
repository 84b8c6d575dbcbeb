# caught by: test_activations_return_float_arrays
"""relu_grad returns the boolean mask x > 0 instead of a float array."""

import numpy as np


def relu_grad(x):
    return np.asarray(x) > 0
