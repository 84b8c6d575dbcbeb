# exercise: 02_linear_collapse
# outcomes: error
# message: not written yet
# A process in a new session and a nested user namespace that tries to outlive its submission.
import ctypes
import os
import subprocess

CLONE_NEWUSER = 0x10000000

if os.fork() == 0:
    try:
        ctypes.CDLL(None).unshare(CLONE_NEWUSER)
        os.setsid()
        subprocess.Popen(["/bin/sleep", "{{MARKER}}"], start_new_session=True)
    finally:
        os._exit(0)


def stack_forward(X, layers, activation=None):
    raise NotImplementedError()


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()
