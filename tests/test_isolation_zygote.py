"""A student forked from the warm zygote reaches neither the zygote nor the next student (issue 13, class 1 and 5)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from grader.errors import StudentError
from grader.exercise import load_exercises
from grader.judge import student_session
from grader.spawn import ZygoteSpawner, default_spawner

ATTACKER = '''
import ctypes, os, resource, signal, socket, subprocess, sys

MARK = "{marker}"
PLACES = ["/", "/etc", "/sandbox", "/sandbox/site", "/dev/shm", "/tmp", *[p for p in sys.path if p]]


def probe():
    """What this process could do to others: every entry must stay empty or 0."""
    fds = {{}}
    for fd in os.listdir("/proc/self/fd"):  # first, before this function opens anything
        try:
            fds[fd] = os.readlink(f"/proc/self/fd/{{fd}}")
        except OSError:
            pass  # the listing's own descriptor
    libc = ctypes.CDLL(None, use_errno=True)
    own = os.getpid()
    others = [pid for pid in range(1, 300) if pid != own]
    me = int(os.readlink("/proc/self"))  # this process as /proc numbers it
    seen = [int(p) for p in os.listdir("/proc") if p.isdigit() and os.path.exists(f"/proc/{{p}}/status")]
    found = {{"parent": os.getppid(), "visible": sorted(p for p in seen if p != me),
             "prlimit": [], "signal": [], "pidfd": [], "mem": [], "written": [], "fds": fds}}
    for pid in others:
        try:
            resource.prlimit(pid, resource.RLIMIT_NOFILE)
            found["prlimit"].append(pid)
        except OSError:
            pass
        try:
            os.kill(pid, 0)
            found["signal"].append(pid)
        except OSError:
            pass
        if libc.syscall(434, pid, 0) >= 0:
            found["pidfd"].append(pid)
    for name in os.listdir("/proc"):
        if name.isdigit() and name != os.readlink("/proc/self"):
            try:
                open(f"/proc/{{name}}/mem", "r+b").close()
                found["mem"].append(int(name))
            except OSError:
                pass
    for place in PLACES:
        try:
            with open(os.path.join(place, "left-" + MARK), "w") as handle:
                handle.write("left")
            found["written"].append(place)
        except OSError:
            pass
    if os.fork() == 0:  # a daemon in a new session and a nested user namespace
        try:
            libc.unshare(0x10000000)
            os.setsid()
            subprocess.Popen(["/bin/sleep", MARK], start_new_session=True)
        finally:
            os._exit(0)
    return found


def left_over():
    return [p for p in PLACES if os.path.exists(os.path.join(p, "left-" + MARK))]
'''


def _running_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.fixture
def zygote():
    spawner = default_spawner()
    if not isinstance(spawner, ZygoteSpawner):
        pytest.skip(f"the warm zygote is not used here ({spawner.describe()})")
    spawner.warm()
    if spawner.shared:
        pytest.skip(f"children cannot get namespaces of their own here: {spawner.shared}")
    return spawner


@pytest.mark.slow
def test_a_student_reaches_neither_the_zygote_nor_the_next_student(zygote):
    exercise = load_exercises()["02_linear_collapse"]
    marker = f"97{uuid.uuid4().int % 10**8}"
    source = ATTACKER.format(marker=marker)
    limits_before = Path(f"/proc/{zygote.zygote_pid}/limits").read_text()
    with student_session(exercise, source) as session:
        found = session.call("probe", (), {})
    fds = found["fds"]
    assert found["parent"] == 0, "the student sees a parent: it is not PID 1 of its own namespace"
    for attack in ("prlimit", "signal", "pidfd", "mem"):
        assert found[attack] == [], f"{attack} reached other processes: {found[attack]}"
    assert found["visible"] == [], f"the student sees other processes in /proc: {found['visible']}"
    assert set(found["written"]) <= {"/tmp", "/dev/shm", "/sandbox/work"}, found["written"]
    extra = {fd: target for fd, target in fds.items() if fd not in ("0", "1", "2") and not target.startswith("pipe:")}
    assert extra == {}, f"descriptors beyond stdio and its two pipes: {extra}"
    assert len(fds) <= 5, f"descriptors beyond stdio and its two pipes: {fds}"
    assert not _running_with(marker), "a process in a new session and user namespace outlived its submission"
    assert zygote.healthy(), "the zygote changed"
    assert Path(f"/proc/{zygote.zygote_pid}/limits").read_text() == limits_before

    with student_session(exercise, source) as session:  # the next student, forked from the same zygote
        try:
            left = session.call("left_over", (), {})
        except StudentError as exc:
            pytest.fail(f"the next student could not run: {exc.message}")
    assert left == [], f"files left by the previous student: {left}"


@pytest.mark.slow
def test_the_judge_replaces_a_zygote_that_was_stopped(zygote):
    import os
    import signal
    import time

    exercise = load_exercises()["02_linear_collapse"]
    with student_session(exercise, "def f():\n    return 1\n") as session:
        assert session.call("f", (), {}) == 1
    before = zygote.zygote_pid
    os.kill(before, signal.SIGSTOP)  # what a student who could reach it would do
    try:
        for _ in range(100):  # the stop takes effect when the zygote is next scheduled
            if not zygote.healthy():
                break
            time.sleep(0.01)
        assert not zygote.healthy()
        with student_session(exercise, "def f():\n    return 2\n") as session:
            assert session.call("f", (), {}) == 2
        assert zygote.zygote_pid != before and zygote.healthy()
    finally:
        try:
            os.kill(before, signal.SIGKILL)
        except ProcessLookupError:
            pass
