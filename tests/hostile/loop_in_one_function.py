# exercise: 02_linear_collapse
# outcomes: timed out, passed, error
# passes: test_stack_forward_linear, test_stack_forward_relu_between_layers, test_stack_forward_property
# message: no answer within 1.5 s
# submission_seconds: 10
import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for i, (W, b) in enumerate(layers):
        out = out @ np.asarray(W).T + b
        if activation == "relu" and i < len(layers) - 1:
            out = np.maximum(out, 0.0)
    return out


def collapse(W1, b1, W2, b2):
    while True:
        pass


def collapse_stack(layers):
    while True:
        pass
