# exercise: 02_linear_collapse
# outcomes: error
# message: not written yet
import os
import subprocess

if os.fork() == 0:  # a daemon that tries to outlive the grading run
    os.setsid()
    subprocess.Popen(["/bin/sleep", "{{MARKER}}"], start_new_session=True)
    os._exit(0)


def stack_forward(X, layers, activation=None):
    raise NotImplementedError()


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()


def collapse_stack(layers):
    raise NotImplementedError()
