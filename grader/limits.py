"""Memory and process-count limits for one student process tree, through cgroups.

A ``ResourceGroup`` is a pair of cgroup (v1) folders, ``memory/grader/<id>`` and
``pids/grader/<id>``. The student process joins both before it starts (its
launcher writes its own PID into them and then execs), so everything it forks
is counted and, at the end, killed, even a process that left its session.

Where the cgroup folders cannot be created (no root, no cgroup v1 mounts), the
group is inert and ``available()`` says why; the session then relies on its
time limits and process-group kill alone.
"""

from __future__ import annotations

import functools
import os
import signal
import time
import uuid
from pathlib import Path

__all__ = ["ResourceGroup", "cgroups_problem", "prune_stale_groups"]

CGROUP_ROOT = Path("/sys/fs/cgroup")
CONTROLLERS = ("memory", "pids")


@functools.cache
def cgroups_problem() -> str:
    """ "" when per-submission cgroups work here, else why not."""
    for controller in CONTROLLERS:
        base = CGROUP_ROOT / controller
        if not (base / "cgroup.procs").exists():
            return f"no cgroup v1 {controller} controller at {base}"
        probe = base / "grader" / f"probe-{uuid.uuid4().hex[:8]}"
        try:
            probe.mkdir(parents=True)
            probe.rmdir()
        except OSError as exc:
            return f"cannot create cgroups under {base} ({exc.strerror})"
    return ""


def prune_stale_groups() -> int:
    """Remove empty groups left behind by a grader that was killed; returns how many."""
    removed = 0
    for controller in CONTROLLERS:
        for folder in (CGROUP_ROOT / controller / "grader").glob("*"):
            try:
                stale = time.time() - folder.stat().st_mtime > 60  # not one another grader is filling
                if stale and folder.is_dir() and not (folder / "cgroup.procs").read_text().strip():
                    folder.rmdir()
                    removed += 1
            except OSError:
                pass
    return removed


@functools.cache
def _prune_once() -> None:
    prune_stale_groups()


class ResourceGroup:
    """The cgroups of one student process tree."""

    def __init__(self, memory_mb: int, max_tasks: int) -> None:
        self.folders: list[Path] = []
        if cgroups_problem():
            return
        _prune_once()
        name = uuid.uuid4().hex[:12]
        memory = CGROUP_ROOT / "memory" / "grader" / name
        pids = CGROUP_ROOT / "pids" / "grader" / name
        for folder in (memory, pids):
            folder.mkdir(parents=True)
            self.folders.append(folder)
        (memory / "memory.limit_in_bytes").write_text(str(memory_mb * 1024 * 1024))
        swap = memory / "memory.memsw.limit_in_bytes"
        if swap.exists():
            try:
                swap.write_text(str(memory_mb * 1024 * 1024))
            except OSError:
                pass
        (pids / "pids.max").write_text(str(max_tasks))
        self.memory_mb = memory_mb
        self.max_tasks = max_tasks

    @property
    def active(self) -> bool:
        return bool(self.folders)

    def wrap(self, command: list[str]) -> list[str]:
        """``command`` started by a shell that first moves itself into the groups."""
        if not self.active:
            return command
        procs = [str(folder / "cgroup.procs") for folder in self.folders]
        script = (
            'for f in "$@"; do case "$f" in --) break;; esac; echo $$ > "$f" || exit 99; shift; done; shift; exec "$@"'
        )
        return ["/bin/sh", "-c", script, "sh", *procs, "--", *command]

    def add(self, pid: int) -> None:
        """Move a process that already runs (and has not run student code yet) into the groups."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(pid))

    def out_of_memory(self) -> bool:
        """Whether the memory limit was hit (the kernel then kills the process)."""
        if not self.active:
            return False
        try:
            failures = int((self.folders[0] / "memory.failcnt").read_text().strip() or 0)
            control = (self.folders[0] / "memory.oom_control").read_text()
        except OSError:
            return False
        killed = any(line.startswith("oom_kill ") and line.split()[1] != "0" for line in control.splitlines())
        return killed or failures > 0 and "under_oom 1" in control

    def tasks_exhausted(self) -> bool:
        if not self.active:
            return False
        try:
            return int((self.folders[1] / "pids.events").read_text().split()[-1]) > 0
        except (OSError, ValueError, IndexError):
            return False

    def kill_all(self) -> None:
        """SIGKILL every process still in the group, then remove the groups."""
        for _ in range(50):
            pids = self._pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.02)
        for folder in self.folders:
            try:
                folder.rmdir()
            except OSError:
                pass
        self.folders = []

    def _pids(self) -> list[int]:
        found: set[int] = set()
        for folder in self.folders:
            try:
                found.update(int(line) for line in (folder / "cgroup.procs").read_text().split())
            except OSError:
                pass
        return sorted(found)
