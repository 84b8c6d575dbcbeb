"""The judge's handle on one student process: start it, load the module, call functions.

A ``StudentSession`` owns the child process that runs one submission. Calls go
through the JSON protocol of ``grader/child.py`` with a time limit per call and
one for the whole submission. When a call times out or the process dies, the
process is killed and the next call starts a fresh one.
"""

from __future__ import annotations

import json
import os
import secrets
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
    StudentStartError,
    StudentTimeoutError,
    student_code_error,
)
from grader.exercise import ExerciseLimits
from grader.resources import Ending, ProcessLimits, ResourceGroup, ending_text, resource_group
from grader.settings import ANSWER_MAX_BYTES, LOAD_SECONDS_AT_LEAST, STUDENT_FILE_MAX_BYTES, STUDENT_MAX_TASKS
from grader.spawn import Spawner, StartError, StudentProcess

__all__ = ["StudentSession"]

FORGED = "its answer was out of order or forged (do not write to the grader's pipes)"


class StudentSession:
    """One submission's student process, started lazily and restarted after a crash."""

    def __init__(
        self,
        workdir: Path,
        student_file: str,
        module: str,
        limits: ExerciseLimits,
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
        self.process_limits = ProcessLimits(limits.memory_mb, STUDENT_MAX_TASKS, STUDENT_FILE_MAX_BYTES)
        self.ending: Ending | None = None  # why the last student process ended, once it has
        self.deadline = time.monotonic() + limits.submission_seconds
        self.process: StudentProcess | None = None
        self.load_error: StudentLoadError | None = None
        self._requests = None
        self._responses = -1
        self._buffer = b""
        self._sequence = 0

    # -- lifecycle ------------------------------------------------------------

    def _spawn(self) -> None:
        """Start the student process, or raise StudentStartError with nothing left open or running."""
        self.process_limits = ProcessLimits(self.limits.memory_mb, STUDENT_MAX_TASKS, STUDENT_FILE_MAX_BYTES)
        child_rlimits = {"file_bytes": STUDENT_FILE_MAX_BYTES, "disk_bytes": self.process_limits.disk_bytes}
        if self.spawner.own_user_namespace:  # RLIMIT_NPROC counts per user namespace
            child_rlimits["tasks"] = STUDENT_MAX_TASKS
        request_read, request_write = os.pipe()
        response_read, response_write = os.pipe()
        self.group, self.ending = None, None
        try:
            self.group = resource_group(self.process_limits)
            self.process, self.sys_path = self.spawner.spawn(
                request_read, response_write, self.log_path, json.dumps(child_rlimits), self.group, self.workdir
            )
            self.group.watch(self.process.pid, self.workdir)
        except (StartError, OSError) as exc:
            for fd in (request_write, response_read):
                os.close(fd)
            if self.group is not None:
                self.group.kill_all()
            self.group, self.process = None, None
            raise StudentStartError(str(exc) if isinstance(exc, StartError) else f"{exc.strerror or exc}") from None
        finally:
            os.close(request_read)
            os.close(response_write)
        os.set_blocking(request_write, False)  # a full request pipe must not block the judge (see _send)
        self._requests = os.fdopen(request_write, "wb", buffering=0)
        self._responses = response_read
        self._buffer = b""
        self._sequence = secrets.randbits(48)  # answers must echo it: a forged or stray frame is an error

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
                self._requests.write(json.dumps({"op": "exit"}).encode() + b"\n")
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
            return wire.decode(answer.get("value"), name)
        error = answer.get("error")
        error = error if isinstance(error, dict) else {}
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
        """Send ``request`` and read its answer, both within ``budget``; the answer must echo its number.

        Frames are JSON lines. Each request carries ``seq`` (a random start per process,
        then counting up) and the child echoes it; an answer with another number, a line
        that is not one JSON object, or bytes after the answer (student code writing to
        the response pipe) end the process and become this submission's error.
        """
        self._sequence += 1
        end = time.monotonic() + budget.seconds
        self._send(json.dumps({**request, "seq": self._sequence}, allow_nan=False).encode() + b"\n", end, budget, what)
        line = self._read_line(end, budget, what)
        try:
            answer = wire.parse_answer(line)
        except wire.AnswerError as exc:
            self.kill()
            raise StudentCrashError(what, None, str(exc)) from None
        if answer.get("seq") != self._sequence or self._buffer:
            self.kill()
            raise StudentCrashError(what, None, FORGED)
        return answer

    def _send(self, data: bytes, end: float, budget: StudentTimeoutError, what: str) -> None:
        """Write ``data`` to the non-blocking request pipe before ``end``; a pipe nobody reads times out."""
        view = memoryview(data)
        while view:
            try:
                written = os.write(self._requests.fileno(), view)
            except BlockingIOError:
                written = 0
            except (OSError, ValueError, AttributeError):
                raise StudentCrashError(what, *self._ended()) from None
            view = view[written:]
            if not view:
                return
            left = end - time.monotonic()
            if left <= 0:
                self.ending = Ending.TIME_LIMIT
                self.kill()
                raise budget
            select.select([], [self._requests.fileno()], [], min(left, 1.0))

    def _read_line(self, end: float, budget: StudentTimeoutError, what: str) -> bytes:
        """One line from the response pipe before ``end``; each chunk is searched once (linear time)."""
        pending = bytearray(self._buffer)
        searched = 0
        while (newline := pending.find(b"\n", searched)) < 0:
            searched = len(pending)
            left = end - time.monotonic()
            if left <= 0:
                self.ending = Ending.TIME_LIMIT
                self.kill()
                raise budget
            ready, _, _ = select.select([self._responses], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(self._responses, 1 << 20)
            if not chunk:
                raise StudentCrashError(what, *self._ended())
            pending += chunk
            if len(pending) > ANSWER_MAX_BYTES:
                self.kill()
                raise StudentCrashError(what, None, f"the value returned is larger than {ANSWER_MAX_BYTES >> 20} MB")
        line, self._buffer = bytes(pending[:newline]), bytes(pending[newline + 1 :])
        return line

    def _ended(self) -> tuple[int | None, str]:
        """The exit code of the process that just ended, and what is known of why."""
        process = self.process
        code = None
        if process is not None:
            code = process.wait(5)
        self.ending = self._ending(code)
        reason = ""
        if self.ending in (Ending.OUT_OF_MEMORY, Ending.TOO_MANY_TASKS, Ending.FILE_TOO_LARGE, Ending.DISK_QUOTA):
            reason = ending_text(self.ending, self.process_limits, code)
        self.kill()
        return code, reason

    def _ending(self, code: int | None) -> Ending:
        """Why the process ended, as a code (the feedback wording derives from it)."""
        limit = self.group.ending() if self.group is not None else None
        if limit is not None:
            return limit
        if code in (-signal.SIGXFSZ, 128 + signal.SIGXFSZ):
            return Ending.FILE_TOO_LARGE
        if code is not None and code < 0:
            return Ending.SIGNAL
        return Ending.EXIT_STATUS
