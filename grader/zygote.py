"""A warm parent for student processes: imports NumPy, TensorFlow and Keras once, then forks.

Started as a script inside the sandbox (``python -I zygote.py CONTROL_FD``); like
``child.py`` it imports nothing of the grader. It must never run a TensorFlow op:
a process that has run one cannot fork safely (its thread pools do not survive
the fork), so it only imports.

Contract on the control socket (a Unix socket, one message per line):

    judge -> zygote: "fork {LIMITS}" with three file descriptors attached
                     (SCM_RIGHTS): the request pipe, the response pipe, the log
    zygote -> judge: "forked PID"    (PID as seen inside the sandbox)
    zygote -> judge: "exited CODE"   (when that child ends; -N for signal N)
    judge -> zygote: "exit"

The forked child starts a new session, points stdin at /dev/null and stdout and
stderr at the log, applies LIMITS, waits for the judge's go (a byte on its
request pipe is the first request, so nothing runs before the judge has put it
in its resource groups), and serves ``child.py``'s protocol. One child at a time.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _load_child():
    spec = importlib.util.spec_from_file_location("_grader_child", os.path.join(HERE, "child.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _warm() -> None:
    """Import what student code uses most; never compute."""
    import numpy  # noqa: F401

    try:
        import keras  # noqa: F401  (imports TensorFlow)
    except Exception:  # a kit without TensorFlow still forks, just colder
        pass


def _run_child(child, control: socket.socket, fds: list[int], limits: dict, workdir: str) -> None:
    request_fd, response_fd, log_fd = fds
    control.close()
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(log_fd, 1)
    os.dup2(log_fd, 2)
    os.close(devnull)
    os.close(log_fd)
    child.apply_limits(limits)
    os.chdir(workdir)
    child.serve(request_fd, response_fd, workdir)


def main(control_fd: int, workdir: str) -> None:
    child = _load_child()
    _warm()
    control = socket.socket(fileno=control_fd)
    while True:
        message, fds, _, _ = socket.recv_fds(control, 65536, 3)
        text = message.decode().strip()
        if not text or text == "exit":
            return
        command, _, payload = text.partition(" ")
        if command != "fork" or len(fds) != 3:
            for fd in fds:
                os.close(fd)
            continue
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                _run_child(child, control, fds, json.loads(payload or "{}"), workdir)
            except BaseException:
                code = 70
            finally:
                os._exit(code)
        for fd in fds:
            os.close(fd)
        control.sendall(f"forked {pid}\n".encode())
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        control.sendall(f"exited {code}\n".encode())


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
