# exercise: 02_linear_collapse
# outcomes: error
# needs: sandbox
# message: Connection refused
import socket


def _phone_home():
    with socket.create_connection(("127.0.0.1", {{PORT}}), timeout=2) as connection:
        connection.sendall(b"hello from the student")
    raise RuntimeError("connected")


def stack_forward(X, layers, activation=None):
    _phone_home()


def collapse(W1, b1, W2, b2):
    _phone_home()


def collapse_stack(layers):
    _phone_home()
