"""How a student process is started and confined.

An ``Isolation`` turns the child's command line into a ``Launch``: the command
actually run, its working folder, its environment, and the ``sys.path`` entries
the child sees. Two exist:

- ``BubblewrapIsolation`` (preferred): the child runs under ``bwrap`` with no
  network, its own PID, IPC, UTS and user namespaces (uid 65534 inside), and a
  file system holding only what student code needs, read-only: ``/usr``, the
  Python installation, the virtual environment, ``datasets/`` and the child
  script. The submission's private working folder is the only writable place
  besides a fresh ``/tmp``. ``solutions/``, the hidden tests, other students and
  the results store do not exist in there.
- ``ProcessIsolation`` (fallback): a separate process with a scrubbed
  environment and the same limits, but the host's file system and network.

Resource limits (memory, processes) are applied around either by
``grader.resources``; the file-size limit by the child itself.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from grader.determinism import child_environment
from grader.paths import CHILD_SCRIPT, DATASETS
from grader.settings import STUDENT_DISK_BYTES

__all__ = [
    "Launch",
    "Isolation",
    "ProcessIsolation",
    "BubblewrapIsolation",
    "active_isolation",
    "isolation_problem",
    "sandbox_problem",
]

SANDBOX = Path("/sandbox")


@dataclass(frozen=True)
class Launch:
    command: list[str]
    cwd: Path  # on the host
    env: dict[str, str]
    sys_path: list[str]  # as the child sees them


class Isolation(Protocol):
    name: str

    def launch(self, child_args: list[str], workdir: Path, scratch: Path) -> Launch:
        """How to run ``python -I child.py *child_args`` for the submission in ``workdir``."""

    def describe(self) -> str:
        """One line for ``python -m grader doctor``."""


@dataclass(frozen=True)
class ProcessIsolation:
    """A separate process with limits; no file-system or network confinement."""

    name: str = "process"
    reason: str = ""

    def launch(self, child_args: list[str], workdir: Path, scratch: Path) -> Launch:
        site = scratch / "site"  # holds only a link to datasets/
        site.mkdir(exist_ok=True)
        if DATASETS.is_dir() and not (site / "datasets").exists():
            os.symlink(DATASETS, site / "datasets")
        command = [sys.executable, "-I", str(CHILD_SCRIPT), *child_args]
        return Launch(command, workdir, child_environment(str(workdir)), [str(site)])

    def describe(self) -> str:
        why = f" ({self.reason})" if self.reason else ""
        return f"process: a separate process per submission with limits, no file-system or network sandbox{why}"


def _system_binds() -> list[str]:
    """Read-only views of the system folders Python and its libraries need."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf", "ssl", "alternatives"):
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    return args


def _python_binds() -> list[str]:
    """The Python installation, the virtual environment and any other site-packages on ``sys.path``.

    A site-packages folder outside both prefixes (added by a ``.pth`` file, e.g. a venv that
    shares another one's packages) is bound too; nothing else of ``sys.path`` (the kit's root
    holds ``solutions/``).
    """
    prefixes = list(dict.fromkeys([sys.base_prefix, sys.prefix]))  # base first, venv second
    args = [arg for prefix in prefixes for arg in ("--ro-bind", prefix, prefix)]

    def covered(path: str) -> bool:
        return any(path == p or path.startswith(p + os.sep) for p in prefixes)

    real = os.path.realpath(sys.executable)
    if not covered(real):
        args += ["--ro-bind", real, real]
    for entry in dict.fromkeys(sys.path):
        if os.path.basename(entry) in ("site-packages", "dist-packages") and os.path.isdir(entry):
            if not covered(entry):
                args += ["--ro-bind", entry, entry]
    return args


def _gpu_binds() -> list[str]:
    """NVIDIA device files, so the student's TensorFlow sees the same GPU as the judge's."""
    return [arg for dev in sorted(Path("/dev").glob("nvidia*")) for arg in ("--dev-bind", str(dev), str(dev))]


@dataclass(frozen=True)
class BubblewrapIsolation:
    """The child under bubblewrap: see the module docstring for what it can see."""

    executable: str
    name: str = "bubblewrap"

    def launch(self, child_args: list[str], workdir: Path, scratch: Path) -> Launch:
        return self.launch_script(CHILD_SCRIPT, child_args, workdir)

    def launch_script(self, script: Path, args: list[str], workdir: Path) -> Launch:
        """Run the trusted ``script`` (bound at /sandbox/<name>) in the sandbox, ``workdir`` at /sandbox/work."""
        work = SANDBOX / "work"
        command = [
            self.executable,
            "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try",
            "--uid", "65534", "--gid", "65534",
            "--die-with-parent",
            "--hostname", "sandbox",
            "--size", str(STUDENT_DISK_BYTES), "--tmpfs", "/tmp",  # first: a Python or venv under /tmp is bound over it
            *_system_binds(),
            *_python_binds(),
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", str(STUDENT_DISK_BYTES), "--tmpfs", "/dev/shm",
            *_gpu_binds(),
            "--ro-bind", str(CHILD_SCRIPT), str(SANDBOX / "child.py"),
            *(["--ro-bind", str(script), str(SANDBOX / script.name)] if script != CHILD_SCRIPT else []),
            *(["--ro-bind", str(DATASETS), str(SANDBOX / "site" / "datasets")] if DATASETS.is_dir() else []),
            "--bind", str(workdir), str(work),
            "--remount-ro", "/",  # nothing in /, /etc or /sandbox/site is writable
            "--chdir", str(work),
            sys.executable, "-I", str(SANDBOX / script.name), *args,
        ]  # fmt: skip
        return Launch(command, workdir, child_environment(str(work)), [str(SANDBOX / "site")])

    def describe(self) -> str:
        return (
            f"bubblewrap ({self.executable}): no network, own PID/user namespaces, only /usr, Python, "
            "the virtual environment, datasets/ and the submission visible"
        )


@functools.cache
def _bubblewrap() -> tuple[str | None, str]:
    """(bwrap path, "") when bubblewrap works here, else (None, why not). Probed once per process."""
    executable = shutil.which("bwrap")
    if executable is None:
        return None, "bubblewrap is not installed (Debian: apt-get install bubblewrap)"
    with tempfile.TemporaryDirectory(prefix="grader-probe-") as scratch:
        launch = BubblewrapIsolation(executable).launch([], Path(scratch), Path(scratch))
        python_at = len(launch.command) - 1 - launch.command[::-1].index(sys.executable)
        probe = [*launch.command[:python_at], sys.executable, "-I", "-c", "print(1)"]
        try:
            result = subprocess.run(probe, capture_output=True, text=True, timeout=60, env=launch.env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"bubblewrap cannot start ({exc})"
    if result.returncode != 0 or result.stdout.strip() != "1":
        first = (result.stderr.strip().splitlines() or ["no output"])[0][:200]
        return None, f"bubblewrap cannot create its sandbox here ({first})"
    return executable, ""


def isolation_problem() -> str:
    """Why the grader runs without bubblewrap, or "" when it uses it."""
    if os.environ.get("GRADER_ISOLATION") == "process":
        return "--isolation process (GRADER_ISOLATION=process) was asked for"
    return _bubblewrap()[1]


def sandbox_problem() -> str:
    """Why bubblewrap cannot create the sandbox here, or "" when it can (whatever was asked for)."""
    return _bubblewrap()[1]


def active_isolation() -> Isolation:
    """Bubblewrap when it works here (and is not turned off), else process isolation."""
    problem = isolation_problem()
    if problem:
        return ProcessIsolation(reason=problem)
    executable, _ = _bubblewrap()
    return BubblewrapIsolation(executable)
