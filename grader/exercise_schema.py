"""The schema of ``solutions/<id>/exercise.toml``: every key, its type, whether it is required.

``check_metadata`` reads a parsed file against it and raises one
``ExerciseDefinitionError`` line naming the file, the key and what is allowed:
an unknown or misspelt key (with the closest known key), a wrong type, a missing
required key. Nothing here imports more than the standard library.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from grader.errors import ExerciseDefinitionError

__all__ = ["Key", "TOP_LEVEL", "LIMITS", "FEEDBACK", "LEVELS", "check_metadata", "describe_schema"]

LEVELS = ("core", "optional")


@dataclass(frozen=True)
class Key:
    name: str
    kind: str  # "string", "boolean", "integer", "number", "list of strings", "table", "level"
    required: bool
    help: str


TOP_LEVEL = (
    Key("title", "string", True, "the exercise's title"),
    Key("student_file", "string", True, "the file students hand in, e.g. neuron.py"),
    Key("names", "list of strings", True, "the functions students must define (checked by validate)"),
    Key("points", "table", True, "hidden test name = positive points"),
    Key("limits", "table", False, "call_seconds, submission_seconds, memory_mb"),
    Key("draft", "boolean", False, "true: graded only when named with --exercise, never in a default gradebook"),
    Key("level", "level", False, "core (default) or optional"),
    Key("minutes", "integer", False, "estimated student time in minutes"),
    Key("feedback", "table", False, "hidden_facts: what no feedback may reveal"),
)

LIMITS = (
    Key("call_seconds", "number", False, "time limit of one call into student code"),
    Key("submission_seconds", "number", False, "time limit of a whole submission"),
    Key("memory_mb", "integer", False, "memory limit of the student process"),
)


FEEDBACK = (
    Key(
        "hidden_facts",
        "list of patterns",
        False,
        "regular expressions (case-insensitive) that no feedback on the stub or a mutant may contain",
    ),
)


def _fits(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str) and bool(value.strip())
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
    if kind == "list of strings":
        return isinstance(value, list) and all(isinstance(item, str) and item.isidentifier() for item in value)
    if kind == "list of patterns":
        return isinstance(value, list) and all(isinstance(item, str) and item and _compiles(item) for item in value)
    if kind == "table":
        return isinstance(value, dict)
    if kind == "level":
        return value in LEVELS
    raise ValueError(kind)


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _expected(kind: str) -> str:
    return {
        "integer": "a positive integer",
        "number": "a positive number",
        "level": " or ".join(f'"{level}"' for level in LEVELS),
        "list of strings": "a list of Python names",
        "list of patterns": "a list of valid regular expressions",
        "string": "a non-empty string",
    }.get(kind, f"a {kind}")


def _check_keys(data: dict, schema: tuple[Key, ...], where: str, section: str) -> None:
    known = {key.name: key for key in schema}
    prefix = f"[{section}] " if section else ""
    for name, value in data.items():
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ExerciseDefinitionError(where, f"unknown key {prefix}{name!r}; {hint}allowed: {', '.join(known)}")
        key = known[name]
        if not _fits(value, key.kind):
            raise ExerciseDefinitionError(
                where, f"{prefix}{name} must be {_expected(key.kind)} ({key.help}). Received: {value!r}"
            )
    for key in schema:
        if key.required and key.name not in data:
            raise ExerciseDefinitionError(where, f"the required key {prefix}{key.name!r} is missing ({key.help})")


def check_metadata(data: dict, where: str) -> dict:
    """``data`` (a parsed exercise.toml) checked against the schema; raises ExerciseDefinitionError."""
    _check_keys(data, TOP_LEVEL, where, "")
    _check_keys(data.get("limits", {}), LIMITS, where, "limits")
    _check_keys(data.get("feedback", {}), FEEDBACK, where, "feedback")
    points = data["points"]
    if not points:
        raise ExerciseDefinitionError(where, "[points] is empty; map each hidden test to a positive number")
    for name, value in points.items():
        if not _fits(value, "number"):
            raise ExerciseDefinitionError(
                where, f"[points] {name} must be a positive number (points of that hidden test). Received: {value!r}"
            )
    return data


def describe_schema() -> list[str]:
    """One line per key, for documentation."""
    lines = [f"{k.name}: {_expected(k.kind)}{' (required)' if k.required else ''}: {k.help}" for k in TOP_LEVEL]
    lines += [f"[limits] {k.name}: {_expected(k.kind)}: {k.help}" for k in LIMITS]
    lines += [f"[feedback] {k.name}: {_expected(k.kind)}: {k.help}" for k in FEEDBACK]
    return lines
