# caught by: test_relu_matches_keras, test_elementwise_property, test_activations_return_float_arrays
"""relu written with np.max(x, 0) instead of np.maximum(x, 0): it reduces along axis 0, not element-wise."""

import numpy as np


def relu(x):
    x = np.asarray(x, dtype=float)
    return np.max(x, 0)
