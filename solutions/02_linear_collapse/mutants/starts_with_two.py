# caught by: test_collapse_stack_one_layer_unchanged, test_collapse_stack_property
"""Starts by collapsing layers[0] and layers[1], so a one-layer stack raises IndexError.

`collapse` is the reference solution's (this file is appended to it).
"""


def collapse_stack(layers):
    (W1, b1), (W2, b2) = layers[0], layers[1]
    W, b = collapse(W1, b1, W2, b2)  # noqa: F821
    for W_next, b_next in layers[2:]:
        W, b = collapse(W, b, W_next, b_next)  # noqa: F821
    return W, b
