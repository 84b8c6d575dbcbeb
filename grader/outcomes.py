"""What happened to one hidden test, and the points it earned."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

__all__ = ["Outcome", "TestResult"]


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"  # the student's code raised
    NOT_LOADED = "could not load"  # syntax error, missing name, broken notebook, no file
    TIMED_OUT = "timed out"
    GRADER_ERROR = "grader error"  # the hidden test or the grader broke
    MISSING = "missing"  # no submission at all


@dataclass
class TestResult:
    """The result of one hidden test function (all its parametrized cases)."""

    test: str
    outcome: Outcome
    points: float
    max_points: float
    message: str = ""
    details: str = ""
    seconds: float = 0.0
    artifacts: dict = field(default_factory=dict)  # plain data a hidden test recorded for feedback

    def to_dict(self) -> dict:
        data = asdict(self)
        data["outcome"] = self.outcome.value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> TestResult:
        return cls(**{**data, "outcome": Outcome(data["outcome"])})
