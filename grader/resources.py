"""Resource limits for one student process tree, and why a student process ended.

Three ways to hold memory and process-count limits, picked once per process
(``resources_backend``), best first:

- **cgroup v1** (root on a v1 host): ``memory/grader/<id>`` and ``pids/grader/<id>``;
- **cgroup v2** (a delegated subtree: the group named in ``/proc/self/cgroup`` under the
  unified mount, when this user may write it, as systemd gives each user or a container
  with its own cgroup namespace): a child group with ``memory.max``, ``pids.max`` and
  ``cgroup.kill``;
- **watchdog** (no writable cgroup, e.g. a normal user on cgroup v1): a thread polls the
  tree's memory (resident size, then proportional set size) every 50 ms and kills the tree
  past the limit; the process count is ``RLIMIT_NPROC``, set by the child inside its own
  user namespace (the kernel counts it per user namespace, and ignores it for host root).

Whatever the backend, the watchdog also holds the total disk written to the work folder
(``/tmp`` and ``/dev/shm`` are size-limited tmpfs in the sandbox), and ``kill_all`` kills
the whole tree: the tree's root is the init of its own PID namespace under bubblewrap, so
nothing started by the student, in a new session or a nested namespace, survives it.
"""

from __future__ import annotations

import enum
import functools
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from grader.settings import WATCHDOG_DISK_EVERY, WATCHDOG_POLL_SECONDS, WORK_FOLDER_MAX_FILES

__all__ = [
    "Ending",
    "ProcessLimits",
    "ResourceGroup",
    "cgroups_problem",
    "ending_text",
    "resources_backend",
    "prune_stale_groups",
    "resource_group",
    "tree_pids",
    "v2_group_base",
]

CGROUP_ROOT = Path("/sys/fs/cgroup")
PROC_CGROUP = Path("/proc/self/cgroup")
CONTROLLERS = ("memory", "pids")


class Ending(enum.StrEnum):
    """Why a student process ended: the code feedback wording is derived from."""

    OUT_OF_MEMORY = "out_of_memory"
    TOO_MANY_TASKS = "too_many_tasks"
    FILE_TOO_LARGE = "file_too_large"
    DISK_QUOTA = "disk_quota"
    TIME_LIMIT = "time_limit"
    SIGNAL = "signal"
    EXIT_STATUS = "exit_status"
    START_FAILED = "start_failed"


@dataclass(frozen=True)
class ProcessLimits:
    """What one student process tree may use."""

    memory_mb: int
    tasks: int = 512  # processes and threads; TensorFlow alone starts dozens of threads
    file_bytes: int = 64 * 1024 * 1024  # any one file, printed output included
    disk_bytes: int = 256 * 1024 * 1024  # all files of the submission together (work folder; /tmp and /dev/shm each)


def ending_text(ending: Ending, limits: ProcessLimits, code: int | None = None) -> str:
    """The feedback wording for ``ending``."""
    if ending is Ending.OUT_OF_MEMORY:
        return f"it used more than the memory limit of {limits.memory_mb} MB"
    if ending is Ending.TOO_MANY_TASKS:
        return f"it started too many processes or threads (limit {limits.tasks})"
    if ending is Ending.FILE_TOO_LARGE:
        return f"it wrote more than {limits.file_bytes >> 20} MB (printed output or a file)"
    if ending is Ending.DISK_QUOTA:
        return f"it wrote more than {limits.disk_bytes >> 20} MB of files in total"
    if ending is Ending.SIGNAL and code is not None:
        return f"it was killed by signal {-code if code < 0 else code - 128}"
    if ending is Ending.EXIT_STATUS and code is not None:
        return f"it exited with status {code}"
    return ""


# -- the process tree --------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task.name}/children") as handle:
                    found.extend(int(word) for word in handle.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return found


def tree_pids(root: int) -> list[int]:
    """``root`` and every process below it (host PIDs), root first."""
    seen: list[int] = []
    todo = [root]
    while todo and len(seen) < 10_000:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.append(pid)
        todo.extend(_children(pid))
    return seen


def _resident(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _proportional(pid: int) -> int:
    """Proportional set size: pages shared with the zygote count once, split among sharers."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        return _resident(pid)
    return 0


def _pauses(count: int) -> Iterator[float]:
    """``count`` waits between polls for killed processes: 1 ms, doubling up to 50 ms (a killed process
    is usually gone within a millisecond or two)."""
    pause = 0.001
    for _ in range(count):
        yield pause
        pause = min(2 * pause, 0.05)


def _kill_tree(root: int) -> None:
    for pause in _pauses(20):
        pids = tree_pids(root)
        alive = False
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                alive = True
            except (ProcessLookupError, PermissionError):
                pass
        if not alive:
            return
        time.sleep(pause)


def folder_bytes(folder: Path) -> int:
    """Bytes written under ``folder`` (apparent size); past WORK_FOLDER_MAX_FILES entries, more than any quota."""
    total, count, todo = 0, 0, [str(folder)]
    while todo:
        try:
            entries = os.scandir(todo.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                count += 1
                if count > WORK_FOLDER_MAX_FILES:
                    return 1 << 62
                try:
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(entry.path)
                    else:
                        info = entry.stat(follow_symlinks=False)
                        total += max(info.st_size, info.st_blocks * 512)  # blocks lag behind (delayed allocation)
                except OSError:
                    pass
    return total


class Watchdog:
    """Polls one process tree: its memory (when no cgroup holds it) and its work folder's size."""

    def __init__(self, root: int, workdir: Path | None, limits: ProcessLimits, watch_memory: bool) -> None:
        self.root = root
        self.workdir = workdir
        self.limits = limits
        self.watch_memory = watch_memory
        self.verdict: Ending | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="grader-watchdog", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        memory_limit = self.limits.memory_mb * 1024 * 1024
        polls = 0
        while not self._stop.wait(WATCHDOG_POLL_SECONDS):
            polls += 1
            if self.watch_memory:
                pids = tree_pids(self.root)
                if sum(_resident(p) for p in pids) > memory_limit and sum(map(_proportional, pids)) > memory_limit:
                    self._kill(Ending.OUT_OF_MEMORY)
                    return
            if self.workdir is not None and polls % WATCHDOG_DISK_EVERY == 0:
                if folder_bytes(self.workdir) > self.limits.disk_bytes:
                    self._kill(Ending.DISK_QUOTA)
                    return

    def _kill(self, ending: Ending) -> None:
        self.verdict = ending
        _kill_tree(self.root)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=2)


# -- cgroup v1 ---------------------------------------------------------------------------------


@functools.cache
def cgroups_problem(root: Path = CGROUP_ROOT) -> str:
    """ "" when per-submission cgroup v1 groups work here, else why not."""
    for controller in CONTROLLERS:
        base = root / controller
        if not (base / "cgroup.procs").exists():
            return f"no cgroup v1 {controller} controller at {base}"
        probe = base / "grader" / f"probe-{uuid.uuid4().hex[:8]}"
        try:
            probe.mkdir(parents=True)
            probe.rmdir()
        except OSError as exc:
            return f"cannot create cgroups under {base} ({exc.strerror})"
    return ""


def prune_stale_groups(root: Path = CGROUP_ROOT) -> int:
    """Remove empty v1 groups left behind by a grader that was killed; returns how many."""
    removed = 0
    for controller in CONTROLLERS:
        for folder in (root / controller / "grader").glob("*"):
            try:
                stale = time.time() - folder.stat().st_mtime > 60  # not one another grader is filling
                if stale and folder.is_dir() and not (folder / "cgroup.procs").read_text().strip():
                    folder.rmdir()
                    removed += 1
            except OSError:
                pass
    return removed


# -- cgroup v2 ---------------------------------------------------------------------------------


def v2_group_base(root: Path = CGROUP_ROOT, proc_cgroup: Path = PROC_CGROUP) -> tuple[Path | None, str]:
    """(the delegated v2 group this process may create children in, "") or (None, why not)."""
    mount = next((m for m in (root, root / "unified") if (m / "cgroup.controllers").is_file()), None)
    if mount is None:
        return None, f"no cgroup v2 (unified) mount at {root}"
    try:
        lines = proc_cgroup.read_text().splitlines()
    except OSError as exc:
        return None, f"cannot read {proc_cgroup} ({exc.strerror})"
    relative = next((line[3:] for line in lines if line.startswith("0::")), None)
    if relative is None:
        return None, "this process is in no cgroup v2 group"
    base = mount / relative.strip().lstrip("/")
    try:
        available = set((base / "cgroup.controllers").read_text().split())
    except OSError as exc:
        return None, f"cannot read {base / 'cgroup.controllers'} ({exc.strerror})"
    missing = [c for c in CONTROLLERS if c not in available]
    if missing:
        return None, f"the cgroup v2 group {base} has no {' or '.join(missing)} controller delegated"
    for name in ("", "cgroup.procs", "cgroup.subtree_control"):
        if not os.access(base / name, os.W_OK):
            return None, f"the cgroup v2 group {base} is not delegated to this user (not writable)"
    return base, ""


def _prepare_v2(base: Path) -> None:
    """Move this group's processes into a leaf and enable memory and pids for its children."""
    enabled = set((base / "cgroup.subtree_control").read_text().split())
    if set(CONTROLLERS) <= enabled:
        return
    leaf = base / "grader-main"
    leaf.mkdir(exist_ok=True)
    for pid in (base / "cgroup.procs").read_text().split():  # no internal processes in v2
        try:
            (leaf / "cgroup.procs").write_text(pid)
        except OSError:
            pass
    (base / "cgroup.subtree_control").write_text(" ".join(f"+{c}" for c in CONTROLLERS))


# -- choosing ----------------------------------------------------------------------------------


@functools.cache
def resources_backend(root: Path = CGROUP_ROOT, proc_cgroup: Path = PROC_CGROUP) -> tuple[str, Path | None, str]:
    """("cgroup v1" | "cgroup v2" | "watchdog", the v2 base or None, why no cgroup is used)."""
    if os.environ.get("GRADER_CGROUPS") == "0":
        return "watchdog", None, "GRADER_CGROUPS=0 is set"
    v1 = cgroups_problem(root)
    if not v1:
        return "cgroup v1", None, ""
    base, v2 = v2_group_base(root, proc_cgroup)
    if base is not None:
        try:
            _prepare_v2(base)
            return "cgroup v2", base, ""
        except OSError as exc:
            v2 = f"cannot enable memory and pids in {base} ({exc.strerror})"
    return "watchdog", None, f"{v1}; {v2}"


class ResourceGroup:
    """The limits of one student process tree: cgroups where they work, plus the watchdog."""

    def __init__(self, limits: ProcessLimits, folders: list[Path] | None = None, v2: bool = False) -> None:
        self.limits = limits
        self.memory_mb = limits.memory_mb
        self.max_tasks = limits.tasks
        self.folders = folders or []
        self.v2 = v2
        self.watchdog: Watchdog | None = None
        self.root = 0

    @property
    def active(self) -> bool:
        """Whether cgroups hold this tree (else the watchdog does)."""
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

    def watch(self, root: int, workdir: Path | None) -> None:
        """Start watching the tree under ``root`` (memory without cgroups, disk always)."""
        self.root = root
        if self.watchdog is None:
            self.watchdog = Watchdog(root, workdir, self.limits, watch_memory=not self.active)

    def ending(self) -> Ending | None:
        """Why the tree was stopped by a limit, if it was."""
        if self.watchdog is not None and self.watchdog.verdict is not None:
            return self.watchdog.verdict
        if self.out_of_memory():
            return Ending.OUT_OF_MEMORY
        if self.tasks_exhausted():
            return Ending.TOO_MANY_TASKS
        return None

    def out_of_memory(self) -> bool:
        """Whether the cgroup's memory limit was hit (the kernel then kills the process)."""
        if not self.active:
            return False
        try:
            if self.v2:
                events = dict(line.split() for line in (self.folders[0] / "memory.events").read_text().splitlines())
                return int(events.get("oom_kill", 0)) > 0 or int(events.get("oom", 0)) > 0
            failures = int((self.folders[0] / "memory.failcnt").read_text().strip() or 0)
            control = (self.folders[0] / "memory.oom_control").read_text()
        except (OSError, ValueError):
            return False
        killed = any(line.startswith("oom_kill ") and line.split()[1] != "0" for line in control.splitlines())
        return killed or failures > 0 and "under_oom 1" in control

    def tasks_exhausted(self) -> bool:
        if not self.active:
            return False
        try:
            return int((self.folders[-1] / "pids.events").read_text().split()[-1]) > 0
        except (OSError, ValueError, IndexError):
            return False

    def kill_all(self) -> None:
        """SIGKILL every process of the tree, then remove the groups."""
        if self.watchdog is not None:
            self.watchdog.stop()
        if self.v2 and self.folders:
            try:
                (self.folders[0] / "cgroup.kill").write_text("1")
            except OSError:
                pass
        if self.root:
            _kill_tree(self.root)
        for pause in _pauses(50):
            pids = self._pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            time.sleep(pause)
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
            except (OSError, ValueError):
                pass
        return sorted(found)


@functools.cache
def _prune_once() -> None:
    prune_stale_groups()


def resource_group(limits: ProcessLimits, root: Path = CGROUP_ROOT, proc_cgroup: Path = PROC_CGROUP) -> ResourceGroup:
    """A fresh group for one student process tree, with the best backend that works here."""
    backend, base, _ = resources_backend(root, proc_cgroup)
    name = uuid.uuid4().hex[:12]
    megabytes = str(limits.memory_mb * 1024 * 1024)
    if backend == "cgroup v1":
        _prune_once()
        memory, pids = root / "memory" / "grader" / name, root / "pids" / "grader" / name
        for folder in (memory, pids):
            folder.mkdir(parents=True)
        (memory / "memory.limit_in_bytes").write_text(megabytes)
        try:
            (memory / "memory.memsw.limit_in_bytes").write_text(megabytes)
        except OSError:
            pass
        (pids / "pids.max").write_text(str(limits.tasks))
        return ResourceGroup(limits, [memory, pids])
    if backend == "cgroup v2" and base is not None:
        folder = base / f"grader-{name}"
        folder.mkdir()
        (folder / "memory.max").write_text(megabytes)
        try:
            (folder / "memory.swap.max").write_text("0")
        except OSError:
            pass
        (folder / "pids.max").write_text(str(limits.tasks))
        return ResourceGroup(limits, [folder], v2=True)
    return ResourceGroup(limits)
