"""Exceptions of the grader. Each builds its own one-line message.

Two families: ``GraderError`` (bad input or a broken kit: the CLI prints the
message and exits non-zero) and ``StudentError`` (raised inside a hidden test
when the student's side misbehaves: the judge turns it into an outcome).
"""

from __future__ import annotations

import builtins
import functools

__all__ = [
    "GraderError",
    "ExerciseNotFoundError",
    "ExerciseDefinitionError",
    "SubmissionsNotFoundError",
    "BuildError",
    "StoreError",
    "SchedulerError",
    "StudentError",
    "StudentLoadError",
    "StudentCodeError",
    "student_code_error",
    "StudentTimeoutError",
    "StudentCrashError",
    "StudentStartError",
    "StudentReturnTypeError",
]


class GraderError(Exception):
    """A problem the user can fix; the message is one line that says how."""


class ExerciseNotFoundError(GraderError):
    def __init__(self, exercise_id: str, known: list[str]) -> None:
        super().__init__(f"unknown exercise {exercise_id!r}. Known exercises: {', '.join(known) or 'none'}")


class ExerciseDefinitionError(GraderError):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


class SubmissionsNotFoundError(GraderError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"submissions folder {path}: {problem}")


class BuildError(GraderError):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


class StoreError(GraderError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"results database {path}: {problem}")


class SchedulerError(GraderError):
    def __init__(self, address: str, problem: str) -> None:
        super().__init__(f"cannot reach the Dask scheduler at {address} ({problem}); check --scheduler")


class StudentError(Exception):
    """The student's side failed; ``outcome`` says how (see grader.outcomes)."""

    outcome = "error"

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class StudentLoadError(StudentError):
    """The student's file could not be imported, or lacks a required name."""

    outcome = "could not load"


class StudentCodeError(StudentError):
    """The student's code raised an exception; ``type_name`` names its class."""

    outcome = "error"

    def __init__(self, function: str, type_name: str, text: str, traceback: str = "") -> None:
        if type_name == "NotImplementedError":
            message = f"{function} is not written yet (it raises NotImplementedError)"
        else:
            message = f"{function} raised {type_name}: {text}".rstrip(": ")
        super().__init__(message, traceback)
        self.function = function
        self.type_name = type_name


@functools.cache
def _code_error_class(type_name: str) -> type[StudentCodeError]:
    """StudentCodeError that is also the built-in exception named ``type_name``, when there is one.

    So ``pytest.raises(ValueError)`` in a public test also works through the proxy.
    """
    builtin = getattr(builtins, type_name, None)
    if not (isinstance(builtin, type) and issubclass(builtin, Exception)) or builtin is Exception:
        return StudentCodeError
    try:
        return type(f"Student{type_name}", (StudentCodeError, builtin), {})
    except TypeError:  # a built-in whose memory layout cannot be mixed in (OSError, ...)
        return StudentCodeError


def student_code_error(function: str, type_name: str, text: str, traceback: str = "") -> StudentCodeError:
    """The exception the judge raises when the student's ``function`` raised ``type_name``."""
    return _code_error_class(type_name)(function, type_name, text, traceback)


class StudentStartError(StudentError):
    """The student process could not be started: the grader's (or the machine's) problem, not the student's."""

    outcome = "grader error"

    def __init__(self, reason: str) -> None:
        super().__init__(f"the grader could not start the process for this submission: {reason}")


class StudentCrashError(StudentError):
    """The student's process ended while running their code (e.g. ``os._exit``)."""

    outcome = "error"

    def __init__(self, function: str, returncode: int | None, reason: str = "") -> None:
        if reason:
            text = f"{function}: the process running your code was stopped: {reason}"
        else:
            text = (
                f"{function}: the process running your code ended (exit code {returncode}); "
                "do not call sys.exit, os._exit or kill the process"
            )
        super().__init__(text)


class StudentTimeoutError(StudentError):
    outcome = "timed out"

    def __init__(self, function: str, seconds: float, scope: str = "call") -> None:
        limit = "one call" if scope == "call" else "the whole submission"
        self.seconds = seconds
        super().__init__(
            f"{function}: no answer within {seconds:g} s (the time limit for {limit}); "
            "look for an endless loop or very slow code"
        )


class StudentReturnTypeError(StudentError):
    """The student's function returned something that is not plain data."""

    outcome = "failed"

    def __init__(self, function: str, received: str, detail: str = "") -> None:
        text = (
            f"{function}: expected plain data (a number, string, list, tuple, dict, "
            f"NumPy array or keras.Model). Received: {received}"
        )
        super().__init__(f"{text} ({detail})" if detail else text)
