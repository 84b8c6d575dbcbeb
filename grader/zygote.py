"""A warm parent for student processes: imports NumPy, TensorFlow and Keras once, then forks.

Started as a script inside the sandbox (``python -I zygote.py CONTROL_FD WORKDIR [keras|numpy]``:
what to import before forking, Keras by default); like
``child.py`` it imports nothing of the grader. It must never run a TensorFlow op:
a process that has run one cannot fork safely (its thread pools do not survive
the fork), so it only imports.

Contract on the control socket (a Unix socket, one message per line):

    zygote -> judge: "ready"             (imports done; per-student namespaces work)
                     "ready shared WHY"  (imports done; they do not: WHY is one line)
    judge -> zygote: "fork {LIMITS}" with three file descriptors attached
                     (SCM_RIGHTS): the request pipe, the response pipe, the log
    zygote -> judge: "forked PID"    (the student's PID as seen in the zygote's namespace)
                     "failed"        (the student process could not be set up)
    zygote -> judge: "exited CODE"   (when that child ends; -N for signal N)
    judge -> zygote: "exit"

The zygote is not dumpable, so no process of its uid can trace it, read or write
its memory or take its descriptors. Each fork becomes a student in namespaces of
its own: the forked process closes the control socket, starts a new session,
enters a new user, PID, mount and IPC namespace and forks the student, which is
PID 1 there (the zygote does not exist in its world, and when it dies the kernel
kills everything it started). The student mounts a fresh ``/proc``, a size-limited
``/tmp`` and ``/dev/shm``, makes every other mount read-only except the work folder,
closes every descriptor but its pipes, drops all capabilities, applies LIMITS
(``child.apply_rlimits``), waits for the judge's first request and serves
``child.py``'s protocol. One child at a time.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import os
import socket
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID = 0x20000, 0x08000000, 0x10000000, 0x20000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = (
    1, 2, 4, 8, 32, 4096, 16384, 1 << 18
)  # fmt: skip
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
LOCKED_FLAGS = {"nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC, "noatime": MS_NOATIME,
                "nodiratime": MS_NODIRATIME, "relatime": MS_RELATIME}  # fmt: skip
PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 4, 38
WRITABLE = ("/sandbox/work", "/tmp", "/dev/shm")

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        raise OSError(ctypes.get_errno(), f"{what}: {os.strerror(ctypes.get_errno())}")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    encoded = [None if v is None else v.encode() for v in (source, target, fstype, data)]
    _check(_libc.mount(encoded[0], encoded[1], encoded[2], flags, encoded[3]), f"mount {target}")


def _load_child():
    spec = importlib.util.spec_from_file_location("_grader_child", os.path.join(HERE, "child.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _warm(preload: str) -> None:
    """Import what student code uses most (NumPy; with ``preload == "keras"`` Keras too); never compute."""
    import numpy  # noqa: F401

    if preload != "keras":
        return
    try:
        import keras  # noqa: F401  (imports TensorFlow)
    except Exception:  # a kit without TensorFlow still forks, just colder
        pass


def enter_namespaces() -> None:
    """New user, PID, mount and IPC namespaces for this (single-threaded) process; same uid inside."""
    uid, gid = os.getuid(), os.getgid()
    _libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # needed to write our own uid_map
    _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC), "unshare")
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w") as handle:
            handle.write(text)
    _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def _mount_proc() -> None:
    """A /proc of the student's own PID namespace, or else the outer processes' entries hidden."""
    try:
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        return
    except OSError:  # a /proc partly covered (bubblewrap run by root) cannot be mounted again
        pass
    own = os.readlink("/proc/self")
    for entry in os.listdir("/proc"):
        if entry.isdigit() and entry != own:
            _mount("none", f"/proc/{entry}", "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=000")


def _read_only_elsewhere() -> None:
    """Every mount except the writable ones (and /proc) becomes read-only."""
    with open("/proc/self/mountinfo") as handle:
        mounts = [line.split() for line in handle]
    for fields in reversed(mounts):
        target, options = fields[4].replace("\\040", " "), fields[5].split(",")
        if "rw" not in options or target in WRITABLE or target == "/proc" or target.startswith("/proc/"):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        for option in options:
            flags |= LOCKED_FLAGS.get(option, 0)
        _mount("none", target, None, flags)


def _drop_capabilities() -> None:
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    _check(_libc.capset(ctypes.byref(Header(0x20080522, 0)), (Data * 2)()), "capset")
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


def _fresh_tmpfs(target: str, size: int) -> None:
    """An empty tmpfs over ``target``, keeping the mounts below it (a Python or venv under /tmp).

    The sandbox binds the interpreter and the virtual environment wherever they live; one that
    lives under /tmp must stay visible after the student's own /tmp covers it, or every lazy
    import (TensorFlow has many) fails. Each such mount is held open, then bound back.
    """
    with open("/proc/self/mountinfo") as handle:
        below = [line.split()[4].replace("\\040", " ") for line in handle]
    below = sorted({m for m in below if m.startswith(target + "/")}, key=len)
    held = []
    for path in below:
        try:
            held.append((path, os.open(path, os.O_PATH), os.path.isdir(path)))
        except OSError:
            continue
    _mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode=1777")
    for path, fd, is_dir in held:
        if is_dir:
            os.makedirs(path, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
        os.close(fd)


def confine(rlimits: dict, keep: tuple[int, ...]) -> None:
    """In the student (PID 1 of its namespaces): fresh /proc, /tmp, /dev/shm; the rest read-only."""
    _mount("none", "/", None, MS_REC | MS_PRIVATE)
    _mount_proc()
    size = int(rlimits.get("disk_bytes") or 256 * 1024 * 1024)
    for target in ("/tmp", "/dev/shm"):
        if os.path.isdir(target):
            _fresh_tmpfs(target, size)
    _read_only_elsewhere()
    for fd in sorted(int(name) for name in os.listdir("/proc/self/fd")):
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass
    _drop_capabilities()


def _run_child(child, control: socket.socket, fds: list[int], rlimits: dict, workdir: str, report: int) -> None:
    request_fd, response_fd, log_fd = fds
    control.close()
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(log_fd, 1)
    os.dup2(log_fd, 2)
    os.close(devnull)
    os.close(log_fd)
    enter_namespaces()
    student = os.fork()
    if student:  # the middle process: tell the zygote who the student is, then wait for it
        os.write(report, f"{student}\n".encode())
        for fd in (report, request_fd, response_fd):
            os.close(fd)
        _, status = os.waitpid(student, 0)
        if os.WIFSIGNALED(status):
            os.kill(os.getpid(), os.WTERMSIG(status))  # end as the student did
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)
    os.close(report)
    confine(rlimits, keep=(request_fd, response_fd))
    child.apply_rlimits(rlimits)
    os.chdir(workdir)
    child.serve(request_fd, response_fd, workdir)


def _probe(workdir: str) -> str:
    """ "" when a child can enter its own namespaces and confine itself here, else why not."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            enter_namespaces()
            inner = os.fork()
            if inner == 0:
                confine({"disk_bytes": 1 << 20}, keep=(write,))
                os._exit(0)
            _, status = os.waitpid(inner, 0)
            os._exit(0 if os.waitstatus_to_exitcode(status) == 0 else 1)
        except BaseException as exc:  # noqa: BLE001  any failure is the answer
            os.write(write, str(exc).encode()[:300])
            os._exit(1)
    os.close(write)
    why = os.read(read, 400).decode(errors="replace").replace("\n", " ").strip()
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return why or "the confined student process failed"
    return ""


def _fork_one(child, control: socket.socket, fds: list[int], rlimits: dict, workdir: str, shared: bool) -> None:
    report_read, report_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        os.close(report_read)
        try:
            if shared:  # no namespaces here: the old way, a fork in the zygote's sandbox
                os.write(report_write, f"{os.getpid()}\n".encode())
                os.close(report_write)
                request_fd, response_fd, log_fd = fds
                control.close()
                os.setsid()
                for target, source in ((1, log_fd), (2, log_fd)):
                    os.dup2(source, target)
                child.apply_rlimits(rlimits)
                os.chdir(workdir)
                child.serve(request_fd, response_fd, workdir)
            else:
                _run_child(child, control, fds, rlimits, workdir, report_write)
        except BaseException:  # noqa: BLE001
            code = 70
        finally:
            os._exit(code)
    os.close(report_write)
    for fd in fds:
        os.close(fd)
    with os.fdopen(report_read, "rb") as report:
        inner = report.readline().strip().decode()
    control.sendall(f"forked {inner}\n".encode() if inner.isdigit() else b"failed\n")
    _, status = os.waitpid(pid, 0)
    control.sendall(f"exited {os.waitstatus_to_exitcode(status)}\n".encode())


def main(control_fd: int, workdir: str, preload: str = "keras") -> None:
    _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # no one of this uid may trace it or touch its memory
    child = _load_child()
    _warm(preload)
    control = socket.socket(fileno=control_fd)
    problem = _probe(workdir)
    control.sendall(b"ready\n" if not problem else f"ready shared {problem}\n".encode())
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
        _fork_one(child, control, fds, json.loads(payload or "{}"), workdir, shared=bool(problem))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], *sys.argv[3:4])
