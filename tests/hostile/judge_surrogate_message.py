# exercise: 02_linear_collapse
# outcomes: passed, error
# passes: test_stack_forward_linear, test_stack_forward_relu_between_layers, test_stack_forward_property
"""Error messages holding lone surrogates (not encodable as UTF-8) must still be recorded."""

import numpy as np


def stack_forward(X, layers, activation=None):
    out = np.asarray(X, dtype=float)
    for i, (W, b) in enumerate(layers):
        out = out @ np.asarray(W).T + b
        if activation == "relu" and i < len(layers) - 1:
            out = np.maximum(out, 0.0)
    return out


def collapse(W1, b1, W2, b2):
    raise ValueError('bad \ud800 value \udcff=HYPERLINK("http://example.invalid")')


def collapse_stack(layers):
    raise RuntimeError("[bold red]not markup[/bold red] \udfff")


def quiz_answer():
    raise KeyError("\ud83d")
