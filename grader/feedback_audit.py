"""Finds grader internals in the feedback a student would read.

``validate`` runs the stub and every mutant; each message (and the details shown under
it) must read as feedback on the student's code: no pytest machinery ("DID NOT RAISE"),
no parameter ids ("[X5x4-W3x4]"), no frames of the grader, the importer or pytest, and
no names of the grader's own exception classes. Nor may it reveal what the exercise
declares hidden (``[feedback] hidden_facts`` in exercise.toml: a hidden set's size, a
baseline's value, the names of the drivers a student must find).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from grader.outcomes import TestResult

__all__ = ["INTERNALS", "internals_in", "hidden_facts_in"]

# (what it is, pattern): each pattern, found in a message or its details, is a leak.
INTERNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pytest's raises() wording", re.compile(r"DID NOT RAISE")),
    ("a frozen importlib frame", re.compile(r"<frozen ")),
    ("a pytest parameter id", re.compile(r"^\s*\[[^\]\s]+\]")),
    ("a grader source path", re.compile(r"(?:^|[\s\"'/])grader/[a-z_/]+\.py")),
    ("a site-packages path", re.compile(r"site-packages")),
    ("a judge class name", re.compile(r"\b(?:StudentCodeError|StudentLoadError|HiddenTestFailure|StudentProxy)\b")),
    ("pytest's assertion rewriting", re.compile(r"^E\s{3}", re.MULTILINE)),
)


def internals_in(results: Iterable[TestResult]) -> list[str]:
    """One line per leak: the test and what was found, e.g. ``test_x: pytest's raises() wording``."""
    found = []
    for result in results:
        text = f"{result.message}\n{result.details}"
        for what, pattern in INTERNALS:
            if pattern.search(text):
                found.append(f"{result.test}: {what} in {result.message[:80]!r}")
    return found


def hidden_facts_in(results: Iterable[TestResult], patterns: Iterable[str]) -> list[str]:
    """One line per message that reveals a hidden fact (``[feedback] hidden_facts`` of exercise.toml)."""
    compiled = [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
    found = []
    for result in results:
        text = f"{result.message}\n{result.details}"
        for pattern in compiled:
            match = pattern.search(text)
            if match:
                found.append(f"{result.test}: reveals {match.group(0)!r} (hidden fact {pattern.pattern!r})")
    return found
