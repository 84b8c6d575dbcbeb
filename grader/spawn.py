"""Starting student processes: cold (a new interpreter each time) or forked from a warm zygote.

A cold start runs ``python -I child.py`` under the active ``Isolation`` and pays
for importing NumPy, TensorFlow and Keras every time (about 4 s for TensorFlow).
The zygote (``grader/zygote.py``) lives in its own bubblewrap sandbox, imports
them once and forks one child per submission. Each child is a fresh process in
its own user, PID, mount and IPC namespaces (PID 1 there: killing it kills all it
started), with a fresh /proc, /tmp and /dev/shm, everything else read-only but
its working folder, its own resource group (``grader.resources``) and rlimits. The
zygote is non-dumpable and invisible to the child; after each child the spawner
checks that the zygote still runs unchanged (not stopped, same rlimits) and
replaces it otherwise. The zygote is used wherever bubblewrap works
(``default_spawner``), for root and normal users alike; where a child cannot get
its own namespaces and no cgroup holds the tree, the spawner starts cold instead.
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

from grader.errors import GraderError
from grader.paths import KIT_ROOT
from grader.resources import ResourceGroup, resources_backend
from grader.sandbox import SANDBOX, BubblewrapIsolation, Isolation, active_isolation, sandbox_problem
from grader.settings import ZYGOTE_START_SECONDS

__all__ = [
    "StudentProcess",
    "Spawner",
    "ColdSpawner",
    "ZygoteSpawner",
    "default_spawner",
    "StartError",
    "choose_isolation",
    "isolation_line",
    "limit_rows",
]


class StartError(RuntimeError):
    """A student process could not be started; the message says why (one line)."""


ZYGOTE_SCRIPT = KIT_ROOT / "grader" / "zygote.py"


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
    own_user_namespace: bool  # each student process tree has a user namespace of its own (RLIMIT_NPROC holds)
    own_pid_namespace: bool  # killing the tree's root kills everything it started

    def workdir(self, scratch: Path) -> Path:
        """An empty folder for the submission's files."""

    def prepare(self, keras: bool) -> None:
        """Get ready for a student whose code needs Keras (or not), outside that student's time."""

    def spawn(
        self, request_read: int, response_write: int, log_path: Path, rlimits: str, group: ResourceGroup, workdir: Path
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
        self.own_user_namespace = self.own_pid_namespace = isinstance(isolation, BubblewrapIsolation)

    def prepare(self, keras: bool) -> None:
        """A cold start imports nothing before the student's code does."""

    def workdir(self, scratch: Path) -> Path:
        folder = scratch / "work"
        folder.mkdir(exist_ok=True)
        return folder

    def spawn(self, request_read, response_write, log_path, rlimits, group, workdir):
        launch = self.isolation.launch([str(request_read), str(response_write), rlimits], workdir, workdir.parent)
        try:
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
        except OSError as exc:
            raise StartError(f"cannot start {launch.command[0]} ({exc.strerror or exc})") from None
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
    own_user_namespace = True
    own_pid_namespace = True

    def __init__(self, isolation: BubblewrapIsolation) -> None:
        self.isolation = isolation
        self.shared = ""  # why children cannot get namespaces of their own here ("" when they can)
        self.failed = ""  # why the zygote could not start (then every start is cold)
        self.cold = ColdSpawner(isolation)  # used instead where that leaves the tree unheld
        self.zygote_pid = 0  # host PID of the zygote itself
        self.zygote_rlimits = ""
        self.root = Path(tempfile.mkdtemp(prefix="grader-zygote-"))
        self.work = self.root / "work"
        self.work.mkdir()
        self.keras_wanted = True  # start the zygote with Keras imported (prepare() says otherwise)
        self.keras_loaded = False  # whether the running zygote imported Keras
        self.process: subprocess.Popen | None = None
        self.launched = 0.0  # when the running zygote was launched (it has ZYGOTE_START_SECONDS to be ready)
        self.ready = False  # whether it said "ready"
        self.control: socket.socket | None = None
        self.namespace = ""
        self.inside = 0  # host PID of a process inside the sandbox (bubblewrap's init)
        self.buffer = b""
        atexit.register(self.close)

    def _start(self) -> None:
        self.stop()  # one that ended on its own still holds its socket
        self._launch()
        self._await_ready()

    def begin(self, keras: bool) -> None:
        """Launch the zygote without waiting for it: a judge worker imports Keras meanwhile, so the two
        imports overlap instead of following each other. The first ``warm`` waits for it to be ready."""
        self.keras_wanted = keras
        if self.process is None and not self.failed:
            try:
                self._launch()
            except StartError as exc:
                self.failed = str(exc)

    def _launch(self) -> None:
        judge_end, zygote_end = socket.socketpair()
        fd = zygote_end.fileno()
        preload = "keras" if self.keras_wanted else "numpy"
        launch = self.isolation.launch_script(ZYGOTE_SCRIPT, [str(fd), str(SANDBOX / "work"), preload], self.work)
        with open(self.root / "zygote.log", "ab") as log:
            self.process = subprocess.Popen(
                launch.command, cwd=launch.cwd, env=launch.env, stdin=subprocess.DEVNULL,
                stdout=log, stderr=log, pass_fds=(fd,), start_new_session=True,
            )  # fmt: skip
        zygote_end.close()
        self.control = judge_end
        self.buffer = b""
        self.keras_loaded = self.keras_wanted
        self.ready = False
        self.launched = time.monotonic()
        try:
            self.inside, self.namespace = self._first_inside(self.process.pid)
        except StartError:
            self.stop()
            raise

    def _await_ready(self) -> None:
        left = ZYGOTE_START_SECONDS - (time.monotonic() - self.launched)
        ready = self.read_line(max(left, 0.0)) if left > 0 else None
        if ready is None or not ready.startswith("ready"):
            self.stop()
            raise StartError("the warm zygote did not start (see its log in the system's temporary folder)")
        self.shared = ready.partition(" shared ")[2] if ready.startswith("ready shared") else ""
        self.ready = True
        children = _children(self.inside)
        self.zygote_pid = children[0] if children else 0
        self.zygote_rlimits = _read(f"/proc/{self.zygote_pid}/limits")

    def healthy(self) -> bool:
        """Whether the zygote still runs as it started: alive, not stopped or traced, same rlimits."""
        if self.process is None or self.process.poll() is not None or not self.zygote_pid:
            return False
        status = _read(f"/proc/{self.zygote_pid}/status")
        state = next((line.split()[1] for line in status.splitlines() if line.startswith("State:")), "?")
        tracer = next((line.split()[1] for line in status.splitlines() if line.startswith("TracerPid:")), "0")
        return state in ("S", "R") and tracer == "0" and _read(f"/proc/{self.zygote_pid}/limits") == self.zygote_rlimits

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
        raise StartError("the zygote's sandbox did not start")

    def _host_pid(self, inner: int) -> int:
        """The host PID of the process that is ``inner`` in the zygote's PID namespace."""
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
                own = os.readlink(status.parent / "ns" / "pid")
            except OSError:
                continue
            fields = next((line.split()[1:] for line in text.splitlines() if line.startswith("NSpid:")), [])
            if len(fields) < 2 or fields[1] != str(inner):
                continue
            if own == self.namespace:  # a child that shares the zygote's namespace
                return int(status.parent.name)
            parent = next((line.split()[1] for line in text.splitlines() if line.startswith("PPid:")), "0")
            try:
                if os.readlink(f"/proc/{parent}/ns/pid") == self.namespace:
                    return int(status.parent.name)
            except OSError:
                continue
        raise StartError(f"cannot find the zygote's child {inner}")

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
        if self.process is not None and self.ready and not self.healthy():  # a student reached it: replace it
            self.stop()
        # Only the work folder is shared with the zygote's sandbox: each student gets its own /tmp and /dev/shm
        # (grader/zygote.py mounts them in the student's namespace), so the zygote's /tmp is never touched here.
        # (Wiping it from the host walked into the interpreter and venv bound under /tmp and hid them.)
        for entry in self.work.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        return self.work

    def prepare(self, keras: bool) -> None:
        """Get ready for a student that needs Keras (``needs_tensorflow``) or not.

        Starts the zygote, or replaces one without Keras when Keras is needed, now: before the
        student's session exists, so the seconds of importing TensorFlow are never that student's.
        """
        self.keras_wanted = keras
        self._warm_or_give_up()

    def _warm_or_give_up(self) -> None:
        """``warm``; if the zygote cannot start, remember why: every later submission starts cold instead."""
        if not self.failed:
            try:
                self.warm()
            except StartError as exc:
                self.failed = str(exc)

    def warm(self) -> None:
        """Start the zygote now if it does not run (seconds when TensorFlow is imported).

        A zygote without Keras is replaced by one with Keras when a student needs it; one with
        Keras serves every student.
        """
        if self.process is not None and self.process.poll() is None:
            if self.keras_loaded or not self.keras_wanted:
                if not self.ready:  # launched by begin()
                    self._await_ready()
                return
        self._start()

    def spawn(self, request_read, response_write, log_path, rlimits, group, workdir):
        self._warm_or_give_up()
        if self.failed or self.shared and not group.active:  # without namespaces only cgroups hold a forked tree
            return self.cold.spawn(request_read, response_write, log_path, rlimits, group, workdir)
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            socket.send_fds(self.control, [f"fork {rlimits}\n".encode()], [request_read, response_write, log])
        except OSError as exc:
            self.stop()
            raise StartError(f"the warm zygote is gone ({exc.strerror or exc})") from None
        finally:
            os.close(log)
        line = self.read_line(ZYGOTE_START_SECONDS)
        while line is not None and line.startswith("exited "):  # a previous child's end, already handled
            line = self.read_line(ZYGOTE_START_SECONDS)
        if line is None or not line.startswith("forked "):
            self.stop()
            raise StartError("the warm zygote could not start a student process")
        pid = self._host_pid(int(line.split()[1]))
        try:
            group.add(pid)
        except OSError as exc:
            os.kill(pid, signal.SIGKILL)
            raise StartError(f"cannot put the student process in its cgroup ({exc.strerror})") from None
        return ZygoteProcess(self, pid), [str(SANDBOX / "site")]

    def stop(self) -> None:
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.process.wait()
            self.process = None
            self.ready = False
        if self.control is not None:
            self.control.close()
            self.control = None

    def close(self) -> None:
        """Stop the zygote and remove its folder (at exit)."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def describe(self) -> str:
        return (
            "zygote: student processes forked from a warm parent that imported NumPy (and TensorFlow and Keras "
            "for the exercises that use them), each in its own user and PID namespace"
        )


def _read(path: str) -> str:
    try:
        with open(path) as handle:
            return handle.read()
    except OSError:
        return ""


def _children(pid: int) -> list[int]:
    return [int(word) for word in _read(f"/proc/{pid}/task/{pid}/children").split()]


@functools.cache
def default_spawner() -> Spawner:
    """The zygote where bubblewrap works (and GRADER_ZYGOTE is not 0), else cold starts."""
    isolation = active_isolation()
    if os.environ.get("GRADER_ZYGOTE", "1") != "0" and isinstance(isolation, BubblewrapIsolation):
        return ZygoteSpawner(isolation)
    return ColdSpawner(isolation)


def limit_rows(spawner: Spawner | None = None) -> list[tuple[str, str]]:
    """(limit, how it is enforced here, or "NOT enforced: why") for every limit on a student process tree."""
    spawner = spawner or default_spawner()
    backend, base, why = resources_backend()
    sandboxed = isinstance(getattr(spawner, "isolation", None), BubblewrapIsolation)
    cgroup = {"cgroup v1": "cgroup v1", "cgroup v2": f"cgroup v2 (delegated group {base})"}.get(backend, "")
    memory = cgroup or f"watchdog on the tree's memory, every 50 ms (no writable cgroup: {why})"
    if cgroup:
        tasks = cgroup
    elif spawner.own_user_namespace and os.geteuid() != 0:
        tasks = "RLIMIT_NPROC in the student's own user namespace"
    elif os.geteuid() == 0:
        tasks = "NOT enforced: the kernel ignores RLIMIT_NPROC for root and no cgroup is writable"
    else:
        tasks = "NOT enforced: without the sandbox RLIMIT_NPROC would count all of this user's processes"
    if sandboxed:
        disk = "size-limited tmpfs for /tmp and /dev/shm, the work folder watched"
        tree = "a PID namespace per student: its end kills everything it started"
        files = "read-only system; only the work folder, /tmp and /dev/shm writable, fresh per student"
    else:
        disk = "the work folder watched; /tmp NOT limited (no sandbox)"
        tree = (
            "cgroup kill" if cgroup else "NOT enforced: the process tree is killed; a process that left it may survive"
        )
        files = "NOT confined: the host's file system and network (no sandbox)"
    return [
        ("memory", memory),
        ("tasks", tasks),
        ("file size", "RLIMIT_FSIZE per file"),
        ("disk", disk),
        ("time", "per call and per submission, from exercise.toml"),
        ("processes", tree),
        ("files", files),
    ]


def isolation_line(spawner: Spawner | None = None) -> str:
    """One line naming the isolation and each limit in force (or not, and why)."""
    spawner = spawner or default_spawner()
    isolation = getattr(spawner, "isolation", None)
    name = "bubblewrap sandbox" if isinstance(isolation, BubblewrapIsolation) else "process (no sandbox)"
    start = "warm zygote" if spawner.name == "zygote" else "cold start"
    rows = "; ".join(f"{label}: {how}" for label, how in limit_rows(spawner))
    return f"Isolation: {name}, {start}; {rows}"


def choose_isolation(choice: str, required: bool) -> str:
    """Use ``choice`` ("sandbox" or "process") for this run and its workers; returns the isolation line.

    With ``required``, a sandbox that cannot be created stops the run with one line saying how to fix it.
    """
    if choice == "process":
        os.environ["GRADER_ISOLATION"] = "process"
    else:
        os.environ.pop("GRADER_ISOLATION", None)
        problem = sandbox_problem()
        if problem and required:
            raise GraderError(
                f"the student sandbox cannot be created here: {problem}. Fix that (python -m grader doctor "
                "shows what works), or pass --isolation process to grade without a file-system and network "
                "sandbox (it is recorded in the results)"
            )
    default_spawner.cache_clear()
    return isolation_line()
