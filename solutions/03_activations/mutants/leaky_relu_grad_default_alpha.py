# caught by: test_activations_return_float_arrays
"""leaky_relu_grad has the wrong default slope (0.1 instead of 0.01)."""

import numpy as np


def leaky_relu_grad(x, alpha=0.1):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alpha)
