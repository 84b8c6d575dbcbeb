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
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from grader import wire
from grader.determinism import SEED, child_environment
from grader.errors import (
    StudentCodeError,
    StudentCrashError,
    StudentLoadError,
    StudentTimeoutError,
)
from grader.exercise import Limits
from grader.paths import CHILD_SCRIPT
from grader.sandbox import Isolation

__all__ = ["StudentSession"]

MAX_ANSWER_BYTES = 512 * 1024 * 1024
MAX_FILE_BYTES = 64 * 1024 * 1024
LOAD_SECONDS_AT_LEAST = 60.0  # importing TensorFlow alone takes ~4 s, more under load


class StudentSession:
    """One submission's student process, started lazily and restarted after a crash."""

    def __init__(
        self,
        workdir: Path,
        student_file: str,
        module: str,
        limits: Limits,
        isolation: Isolation,
        log_path: Path,
        sys_path: list[str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.student_file = student_file
        self.module = module
        self.limits = limits
        self.isolation = isolation
        self.log_path = log_path
        self.sys_path = sys_path or []
        self.deadline = time.monotonic() + limits.submission_seconds
        self.process: subprocess.Popen | None = None
        self.load_error: StudentLoadError | None = None
        self._requests = None
        self._responses = -1
        self._buffer = b""

    # -- lifecycle ------------------------------------------------------------

    def _spawn(self) -> None:
        request_read, request_write = os.pipe()
        response_read, response_write = os.pipe()
        limits = json.dumps({"file_bytes": MAX_FILE_BYTES})
        argv = [sys.executable, "-I", str(CHILD_SCRIPT), str(request_read), str(response_write), limits]
        log = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(
                self.isolation.command(argv, self.workdir),
                cwd=self.workdir,
                env=child_environment(str(self.workdir)),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                pass_fds=(request_read, response_write),
                start_new_session=True,
            )
        finally:
            log.close()
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
                f"{self.student_file} could not be loaded: {error.get('type', '')}: {error.get('message', '')}".replace(
                    ": : ", ": "
                ),
                str(error.get("traceback", "")),
            )
            raise self.load_error

    def kill(self) -> None:
        """Kill the student process and everything it started."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
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
        raise StudentCodeError(
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
            code = self._ended()
            raise StudentCrashError(what, code) from None
        line = self._read_line(budget, what)
        try:
            answer = json.loads(line)
        except ValueError:
            self.kill()
            raise StudentCrashError(what, None) from None
        if not isinstance(answer, dict):
            self.kill()
            raise StudentCrashError(what, None)
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
                code = self._ended()
                raise StudentCrashError(what, code)
            self._buffer += chunk
            if len(self._buffer) > MAX_ANSWER_BYTES:
                self.kill()
                raise StudentCrashError(what, None)
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _ended(self) -> int | None:
        process = self.process
        code = None
        if process is not None:
            try:
                code = process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.kill()
        return code
