"""Starting student processes: cold (a new interpreter each time) or forked from a warm zygote.

A cold start runs ``python -I child.py`` under the active ``Isolation`` and pays
for importing NumPy, TensorFlow and Keras every time (about 4 s for TensorFlow).
The zygote (``grader/zygote.py``) lives in its own bubblewrap sandbox, imports
them once and forks one child per submission. Each child is still a fresh
process in a fresh working folder with its own cgroups (memory, tasks) and rlimits;
between children the spawner empties the working folder and the sandbox's /tmp,
and the cgroups guarantee that nothing of the previous child still runs. The
zygote is used only where both bubblewrap and cgroups work (``default_spawner``);
elsewhere every start is cold.
"""

from __future__ import annotations

import atexit
import functools
import os
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Protocol

from grader.limits import ResourceGroup, cgroups_problem
from grader.paths import KIT_ROOT
from grader.sandbox import SANDBOX, BubblewrapIsolation, Isolation, active_isolation

__all__ = ["StudentProcess", "Spawner", "ColdSpawner", "ZygoteSpawner", "default_spawner"]

ZYGOTE_SCRIPT = KIT_ROOT / "grader" / "zygote.py"
ZYGOTE_START_SECONDS = 120.0


class StudentProcess(Protocol):
    pid: int

    def poll(self) -> int | None:
        """The exit code if the process has ended, else None."""

    def wait(self, timeout: float) -> int | None:
        """Wait up to ``timeout`` seconds for the exit code; None if still running."""

    def kill(self) -> None:
        """Kill the process (its cgroups are killed by the session)."""


class Spawner(Protocol):
    name: str

    def workdir(self, scratch: Path) -> Path:
        """An empty folder for the submission's files."""

    def spawn(
        self, request_read: int, response_write: int, log_path: Path, limits: str, group: ResourceGroup, workdir: Path
    ) -> tuple[StudentProcess, list[str]]:
        """Start ``child.py``'s protocol on the two pipe ends; returns the process and its ``sys.path`` extras."""

    def describe(self) -> str: ...


class ColdProcess:
    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        self.pid = process.pid

    def poll(self) -> int | None:
        return self.process.poll()

    def wait(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.wait(10)


class ColdSpawner:
    """A new interpreter per student process, under ``isolation``."""

    name = "cold"

    def __init__(self, isolation: Isolation) -> None:
        self.isolation = isolation

    def workdir(self, scratch: Path) -> Path:
        folder = scratch / "work"
        folder.mkdir(exist_ok=True)
        return folder

    def spawn(self, request_read, response_write, log_path, limits, group, workdir):
        launch = self.isolation.launch([str(request_read), str(response_write), limits], workdir, workdir.parent)
        with open(log_path, "ab") as log:
            process = subprocess.Popen(
                group.wrap(launch.command),
                cwd=launch.cwd,
                env=launch.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                pass_fds=(request_read, response_write),
                start_new_session=True,
            )
        return ColdProcess(process), launch.sys_path

    def describe(self) -> str:
        return "cold start: a new Python per student process"


class ZygoteProcess:
    """A child of the zygote, known by its host PID; its exit code arrives on the control socket."""

    def __init__(self, zygote: ZygoteSpawner, pid: int) -> None:
        self.zygote = zygote
        self.pid = pid
        self.code: int | None = None

    def poll(self) -> int | None:
        return self.wait(0)

    def wait(self, timeout: float) -> int | None:
        if self.code is None:
            line = self.zygote.read_line(timeout)
            if line is not None and line.startswith("exited "):
                self.code = int(line.split()[1])
        return self.code

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if self.wait(10) is None:  # the zygote is stuck or gone: start a new one next time
            self.zygote.stop()


class ZygoteSpawner:
    """Forks student processes from a warm parent in a bubblewrap sandbox (one child at a time)."""

    name = "zygote"

    def __init__(self, isolation: BubblewrapIsolation) -> None:
        self.isolation = isolation
        self.root = Path(tempfile.mkdtemp(prefix="grader-zygote-"))
        self.work = self.root / "work"
        self.work.mkdir()
        self.process: subprocess.Popen | None = None
        self.control: socket.socket | None = None
        self.namespace = ""
        self.inside = 0  # host PID of a process inside the sandbox (bubblewrap's init)
        self.buffer = b""
        atexit.register(self.close)

    def _start(self) -> None:
        judge_end, zygote_end = socket.socketpair()
        fd = zygote_end.fileno()
        launch = self.isolation.launch_script(ZYGOTE_SCRIPT, [str(fd), str(SANDBOX / "work")], self.work)
        with open(self.root / "zygote.log", "ab") as log:
            self.process = subprocess.Popen(
                launch.command, cwd=launch.cwd, env=launch.env, stdin=subprocess.DEVNULL,
                stdout=log, stderr=log, pass_fds=(fd,), start_new_session=True,
            )  # fmt: skip
        zygote_end.close()
        self.control = judge_end
        self.buffer = b""
        self.inside, self.namespace = self._first_inside(self.process.pid)

    @staticmethod
    def _first_inside(outer: int) -> tuple[int, str]:
        """The process bubblewrap started in its namespaces, and its PID namespace."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for status in Path("/proc").glob("[0-9]*/status"):
                try:
                    text = status.read_text()
                except OSError:
                    continue
                if f"\nPPid:\t{outer}\n" in text:
                    try:
                        return int(status.parent.name), os.readlink(status.parent / "ns" / "pid")
                    except OSError:
                        continue
            time.sleep(0.01)
        raise RuntimeError("the zygote's sandbox did not start")

    def _host_pid(self, inner: int) -> int:
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
                if os.readlink(status.parent / "ns" / "pid") != self.namespace:
                    continue
            except OSError:
                continue
            for line in text.splitlines():
                if line.startswith("NSpid:") and line.split()[-1] == str(inner):
                    return int(status.parent.name)
        raise RuntimeError(f"cannot find the zygote's child {inner}")

    def read_line(self, timeout: float) -> str | None:
        end = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = end - time.monotonic()
            if self.control is None or left < 0:
                return None
            ready, _, _ = select.select([self.control], [], [], left)
            if not ready:
                return None
            chunk = self.control.recv(4096)
            if not chunk:
                self.stop()
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode()

    def workdir(self, scratch: Path) -> Path:
        for folder in (self.work, *self._sandbox_tmp()):
            for entry in folder.iterdir():
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
        return self.work

    def _sandbox_tmp(self) -> list[Path]:
        if self.process is None or self.process.poll() is not None:
            return []
        tmp = Path(f"/proc/{self.inside}/root/tmp")  # the sandbox's own /tmp, seen from the host
        try:
            return [tmp] if tmp.is_dir() else []
        except OSError:
            return []

    def spawn(self, request_read, response_write, log_path, limits, group, workdir):
        if self.process is None or self.process.poll() is not None:
            self._start()
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            socket.send_fds(self.control, [f"fork {limits}\n".encode()], [request_read, response_write, log])
        finally:
            os.close(log)
        line = self.read_line(ZYGOTE_START_SECONDS)
        while line is not None and line.startswith("exited "):  # a previous child's end, already handled
            line = self.read_line(ZYGOTE_START_SECONDS)
        if line is None or not line.startswith("forked "):
            self.stop()
            raise RuntimeError("the zygote did not fork a student process")
        pid = self._host_pid(int(line.split()[1]))
        group.add(pid)
        return ZygoteProcess(self, pid), [str(SANDBOX / "site")]

    def stop(self) -> None:
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.process.wait()
            self.process = None
        if self.control is not None:
            self.control.close()
            self.control = None

    def close(self) -> None:
        """Stop the zygote and remove its folder (at exit)."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def describe(self) -> str:
        return "zygote: student processes forked from a warm parent that imported NumPy, TensorFlow and Keras"


@functools.cache
def default_spawner() -> Spawner:
    """The zygote where bubblewrap and cgroups both work (and GRADER_ZYGOTE is not 0), else cold starts."""
    isolation = active_isolation()
    if os.environ.get("GRADER_ZYGOTE", "1") != "0" and isinstance(isolation, BubblewrapIsolation):
        if not cgroups_problem():
            return ZygoteSpawner(isolation)
    return ColdSpawner(isolation)
