# exercise: 02_linear_collapse
# outcomes: error
# message: raised


def stack_forward(X, layers, activation=None):
    raise KeyboardInterrupt


def collapse(W1, b1, W2, b2):
    raise SystemExit(0)


def collapse_stack(layers):
    raise BaseException("stop")
