"""Limits on a student process tree: cgroup v1 and v2 (against fake trees), the watchdog, failure codes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from grader.exercise import load_exercises
from grader.outcomes import Outcome
from grader.resources import (
    Ending,
    ProcessLimits,
    ResourceGroup,
    ending_text,
    resource_group,
    resources_backend,
    tree_pids,
)
from grader.spawn import StartError

LIMITS = ProcessLimits(memory_mb=100, tasks=64, file_bytes=1 << 20, disk_bytes=8 << 20)


def _fake_v2(tmp_path: Path, controllers: str = "cpu io memory pids") -> tuple[Path, Path, Path]:
    """A unified mount with this process's group at /user.slice/me, as systemd delegates it."""
    root = tmp_path / "cgroup"
    base = root / "user.slice" / "me"
    base.mkdir(parents=True)
    (root / "cgroup.controllers").write_text(controllers)
    (base / "cgroup.controllers").write_text(controllers)
    (base / "cgroup.subtree_control").write_text("")
    (base / "cgroup.procs").write_text("4242\n4343\n")
    proc = tmp_path / "proc-self-cgroup"
    proc.write_text("0::/user.slice/me\n")
    return root, base, proc


def test_cgroup_v2_delegated_group_is_found_prepared_and_used(tmp_path):
    root, base, proc = _fake_v2(tmp_path)
    backend, found, why = resources_backend(root, proc)
    assert (backend, found, why) == ("cgroup v2", base, "")
    assert (base / "grader-main" / "cgroup.procs").read_text() == "4343"  # the last one moved; each is one write
    assert (base / "cgroup.subtree_control").read_text() == "+memory +pids"

    group = resource_group(LIMITS, root, proc)
    folder = group.folders[0]
    assert folder.parent == base and folder.name.startswith("grader-")
    assert (folder / "memory.max").read_text() == str(100 << 20)
    assert (folder / "memory.swap.max").read_text() == "0"
    assert (folder / "pids.max").read_text() == "64"
    sleeper = subprocess.Popen(["sleep", "60"])
    group.add(sleeper.pid)
    assert (folder / "cgroup.procs").read_text() == str(sleeper.pid)
    assert group.ending() is None
    (folder / "memory.events").write_text("low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n")
    assert group.ending() is Ending.OUT_OF_MEMORY
    (folder / "memory.events").write_text("oom 0\noom_kill 0\n")
    (folder / "pids.events").write_text("max 3\n")
    assert group.ending() is Ending.TOO_MANY_TASKS
    group.kill_all()
    assert (folder / "cgroup.kill").read_text() == "1"
    assert sleeper.wait(5) == -9  # the fake cgroup.kill does nothing: the members listed were killed too


def test_cgroup_v2_without_the_controllers_falls_back_to_the_watchdog(tmp_path):
    root, base, proc = _fake_v2(tmp_path, controllers="cpu io")
    backend, found, why = resources_backend(root, proc)
    assert backend == "watchdog" and found is None
    assert "no memory or pids controller delegated" in why
    assert not resource_group(LIMITS, root, proc).active


def test_cgroup_v2_is_not_used_where_the_process_is_in_no_v2_group(tmp_path):
    root, base, proc = _fake_v2(tmp_path)
    proc.write_text("4:memory:/x\n")
    assert resources_backend(root, proc)[2].endswith("this process is in no cgroup v2 group")


def test_cgroup_v1_fake_tree(tmp_path):
    root = tmp_path / "v1"
    for controller in ("memory", "pids"):
        (root / controller).mkdir(parents=True)
        (root / controller / "cgroup.procs").write_text("")
    assert resources_backend(root, tmp_path / "none")[0] == "cgroup v1"
    group = resource_group(LIMITS, root, tmp_path / "none")
    memory, pids = group.folders
    assert (memory / "memory.limit_in_bytes").read_text() == str(100 << 20)
    assert (pids / "pids.max").read_text() == "64"
    (pids / "pids.events").write_text("max 7\n")
    assert group.ending() is Ending.TOO_MANY_TASKS


def _python(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], start_new_session=True)


def _wait_verdict(group: ResourceGroup, seconds: float = 20) -> Ending | None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and group.ending() is None:
        time.sleep(0.05)
    return group.ending()


def test_watchdog_kills_a_tree_past_its_memory():
    hog = _python(
        "import os, time\n"
        "if os.fork() == 0:\n"  # the memory is in a grandchild: the whole tree counts
        "    block = bytearray(400 << 20)\n"
        "    time.sleep(60)\n"
        "time.sleep(60)\n"
    )
    group = ResourceGroup(LIMITS)
    group.watch(hog.pid, None)
    try:
        assert _wait_verdict(group) is Ending.OUT_OF_MEMORY
        assert hog.wait(5) == -9
    finally:
        group.kill_all()


def test_watchdog_kills_a_tree_past_its_disk_quota(tmp_path):
    filler = _python(
        f"import os, time\nos.chdir({str(tmp_path)!r})\n"
        "for n in range(64):\n"
        "    open(f'f{n}', 'wb').write(b'x' * (1 << 20))\n"
        "time.sleep(60)\n"
    )
    group = ResourceGroup(LIMITS)
    group.watch(filler.pid, tmp_path)
    try:
        assert _wait_verdict(group) is Ending.DISK_QUOTA
        assert filler.wait(5) == -9
    finally:
        group.kill_all()
    assert "8 MB of files in total" in ending_text(Ending.DISK_QUOTA, LIMITS)


def test_kill_all_ends_every_descendant():
    parent = _python(
        "import os, time\nfor _ in range(3):\n    if os.fork() == 0:\n        os.fork()\n        time.sleep(60)\n"
        "time.sleep(60)\n"
    )
    try:
        deadline = time.monotonic() + 10
        while len(tree_pids(parent.pid)) < 7 and time.monotonic() < deadline:  # 1 + 3 children + 3 grandchildren
            time.sleep(0.05)
        tree = tree_pids(parent.pid)
        assert len(tree) == 7
        group = ResourceGroup(LIMITS)
        group.watch(parent.pid, None)
        group.kill_all()
    finally:
        parent.kill()
        parent.wait(5)
    time.sleep(0.1)
    alive = [pid for pid in tree if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
    assert alive == []


def _state(pid: int) -> str:
    try:
        return next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State"))
    except (OSError, StopIteration):
        return "Z"


def test_every_ending_has_its_wording():
    for ending in (Ending.OUT_OF_MEMORY, Ending.TOO_MANY_TASKS, Ending.FILE_TOO_LARGE, Ending.DISK_QUOTA):
        assert ending_text(ending, LIMITS)
    assert ending_text(Ending.SIGNAL, LIMITS, -9) == "it was killed by signal 9"
    assert ending_text(Ending.EXIT_STATUS, LIMITS, 3) == "it exited with status 3"
    assert {e.value for e in Ending} >= {"out_of_memory", "too_many_tasks", "file_too_large", "time_limit"}


class _FailingSpawner:
    name = "failing"
    own_user_namespace = own_pid_namespace = False

    def prepare(self, keras: bool) -> None:
        pass

    def workdir(self, scratch: Path) -> Path:
        folder = scratch / "work"
        folder.mkdir(exist_ok=True)
        return folder

    def spawn(self, *args):
        raise StartError("no more processes on this machine")

    def describe(self) -> str:
        return "a spawner that cannot start anything"


def test_a_failed_start_is_that_submissions_grader_error_and_leaks_nothing(monkeypatch):
    from grader import judge

    monkeypatch.setattr(judge, "default_spawner", lambda: _FailingSpawner())
    exercise = load_exercises()["02_linear_collapse"]
    before = len(os.listdir("/proc/self/fd"))
    results = judge.judge_source(exercise, "def stack_forward(X, layers, activation=None):\n    return X\n")
    assert results and all(r.outcome is Outcome.GRADER_ERROR for r in results)
    assert all("no more processes on this machine" in r.message for r in results)
    assert len(os.listdir("/proc/self/fd")) == before, "pipes were left open"


def test_resources_backend_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("GRADER_CGROUPS", "0")
    resources_backend.cache_clear()
    try:
        assert resources_backend(tmp_path, tmp_path / "x")[0] == "watchdog"
    finally:
        resources_backend.cache_clear()
