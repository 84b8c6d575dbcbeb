"""The judge's handle on one student process: start it, load the module, call functions.

A ``StudentSession`` owns the child process that runs one submission. Calls go
through the JSON protocol of ``grader/child.py`` with a time limit per call and
one for the whole submission. When a call times out or the process dies, the
process is killed and the next call starts a fresh one.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from pathlib import Path
from typing import Any

from grader import wire
from grader.determinism import SEED
from grader.errors import (
    StudentCrashError,
    StudentLoadError,
    StudentTimeoutError,
    student_code_error,
)
from grader.exercise import Limits
from grader.limits import ResourceGroup
from grader.spawn import Spawner, StudentProcess

__all__ = ["StudentSession"]

MAX_ANSWER_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES = 64 * 1024 * 1024  # any one file the student writes, their printed output included
MAX_TASKS = 512  # processes and threads; TensorFlow alone starts dozens of threads
LOAD_SECONDS_AT_LEAST = 60.0  # importing TensorFlow alone takes ~4 s, more under load


class StudentSession:
    """One submission's student process, started lazily and restarted after a crash."""

    def __init__(
        self,
        workdir: Path,
        student_file: str,
        module: str,
        limits: Limits,
        spawner: Spawner,
        scratch: Path,
    ) -> None:
        self.workdir = workdir
        self.student_file = student_file
        self.module = module
        self.limits = limits
        self.spawner = spawner
        self.scratch = scratch
        self.log_path = scratch / "student-output.txt"
        self.sys_path: list[str] = []
        self.group: ResourceGroup | None = None
        self.deadline = time.monotonic() + limits.submission_seconds
        self.process: StudentProcess | None = None
        self.load_error: StudentLoadError | None = None
        self._requests = None
        self._responses = -1
        self._buffer = b""

    # -- lifecycle ------------------------------------------------------------

    def _spawn(self) -> None:
        request_read, request_write = os.pipe()
        response_read, response_write = os.pipe()
        limits = json.dumps({"file_bytes": MAX_FILE_BYTES})
        self.group = ResourceGroup(self.limits.memory_mb, MAX_TASKS)
        try:
            self.process, self.sys_path = self.spawner.spawn(
                request_read, response_write, self.log_path, limits, self.group, self.workdir
            )
        finally:
            os.close(request_read)
            os.close(response_write)
        self._requests = os.fdopen(request_write, "w", encoding="utf-8")
        self._responses = response_read
        self._buffer = b""

    def ensure_loaded(self) -> None:
        """Start the process and import the student's module, or raise StudentLoadError."""
        if self.load_error is not None:
            raise self.load_error
        if self.process is not None and self.process.poll() is None:
            return
        self.kill()
        self._spawn()
        what = f"loading {self.student_file}"
        answer = self._exchange(
            {"op": "load", "path": self.student_file, "module": self.module, "sys_path": self.sys_path, "seed": SEED},
            self._budget(what, max(self.limits.call_seconds, LOAD_SECONDS_AT_LEAST)),
            what,
        )
        if not answer.get("ok"):
            error = answer.get("error", {})
            self.kill()
            self.load_error = StudentLoadError(
                f"{self.student_file} could not be loaded: {error.get('type', '')}: "
                f"{str(error.get('message', '')).strip()}".replace(": : ", ": "),
                str(error.get("traceback", "")),
            )
            raise self.load_error

    def kill(self) -> None:
        """Kill the student process and everything it started."""
        if self.process is None:
            return
        if self.group is not None:
            self.group.kill_all()
        self.process.kill()
        for closer in (self._requests.close if self._requests else None, lambda: os.close(self._responses)):
            try:
                if closer:
                    closer()
            except OSError:
                pass
        self.process = None
        self._requests = None

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                self._requests.write(json.dumps({"op": "exit"}) + "\n")
                self._requests.flush()
            except (OSError, ValueError):
                pass
        self.kill()

    # -- calls ----------------------------------------------------------------

    def call(self, name: str, args: tuple, kwargs: dict) -> Any:
        """Run ``name(*args, **kwargs)`` in the student process; return plain data."""
        self.ensure_loaded()
        request = {
            "op": "call",
            "name": name,
            "args": wire.encode(list(args)),
            "kwargs": wire.encode(dict(kwargs)),
            "seed": SEED,
        }
        answer = self._exchange(request, self._budget(name, self.limits.call_seconds), name)
        if answer.get("ok"):
            return wire.decode(answer.get("value"), self.workdir, name)
        error = answer.get("error", {})
        kind = error.get("kind")
        if kind in ("missing", "not_callable"):
            raise StudentLoadError(str(error.get("message", f"{self.student_file} does not define {name}")))
        raise student_code_error(
            name,
            str(error.get("type", "an exception")),
            str(error.get("message", ""))[:500],
            str(error.get("traceback", "")),
        )

    def _budget(self, what: str, call_limit: float) -> StudentTimeoutError:
        """The time this exchange may take, as the error to raise when it runs out."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise StudentTimeoutError(what, self.limits.submission_seconds, scope="submission")
        if remaining < call_limit:
            budget = StudentTimeoutError(what, self.limits.submission_seconds, scope="submission")
            budget.seconds = remaining
        else:
            budget = StudentTimeoutError(what, call_limit, scope="call")
            budget.seconds = call_limit
        return budget

    def _exchange(self, request: dict, budget: StudentTimeoutError, what: str) -> dict:
        try:
            self._requests.write(json.dumps(request, allow_nan=False) + "\n")
            self._requests.flush()
        except (BrokenPipeError, OSError, ValueError):
            raise StudentCrashError(what, *self._ended()) from None
        line = self._read_line(budget, what)
        try:
            answer = json.loads(line)
        except ValueError:
            self.kill()
            raise StudentCrashError(what, None, "it sent back something unreadable") from None
        if not isinstance(answer, dict):
            self.kill()
            raise StudentCrashError(what, None, "it sent back something unreadable")
        return answer

    def _read_line(self, budget: StudentTimeoutError, what: str) -> bytes:
        end = time.monotonic() + budget.seconds
        while b"\n" not in self._buffer:
            left = end - time.monotonic()
            if left <= 0:
                self.kill()
                raise budget
            ready, _, _ = select.select([self._responses], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(self._responses, 1 << 20)
            if not chunk:
                raise StudentCrashError(what, *self._ended())
            self._buffer += chunk
            if len(self._buffer) > MAX_ANSWER_BYTES:
                self.kill()
                raise StudentCrashError(what, None, f"the value returned is larger than {MAX_ANSWER_BYTES >> 20} MB")
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _ended(self) -> tuple[int | None, str]:
        """The exit code of the process that just ended, and what is known of why."""
        process = self.process
        code = None
        if process is not None:
            code = process.wait(5)
        reason = ""
        if self.group is not None and self.group.out_of_memory():
            reason = f"it used more than the memory limit of {self.limits.memory_mb} MB"
        elif self.group is not None and self.group.tasks_exhausted():
            reason = f"it started too many processes or threads (limit {MAX_TASKS})"
        elif code in (-signal.SIGXFSZ, 128 + signal.SIGXFSZ):
            reason = f"it wrote more than {MAX_FILE_BYTES >> 20} MB (printed output or a file)"
        self.kill()
        return code, reason
