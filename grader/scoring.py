"""From per-case results of the hidden suite to points per hidden test."""

from __future__ import annotations

from dataclasses import dataclass, field

from grader.exercise import Exercise
from grader.outcomes import Outcome, TestResult
from grader.points import case_prefix, cases_suffix, earned_points

__all__ = ["CaseResult", "score_cases", "score_all_as"]


@dataclass
class CaseResult:
    """One collected pytest item: a test function, or one parametrized case of it."""

    function: str
    case: str  # the parametrization id, "" when not parametrized
    outcome: Outcome
    message: str = ""
    details: str = ""
    seconds: float = 0.0
    artifacts: dict = field(default_factory=dict)


def _artifacts(cases: list[CaseResult]) -> dict:
    """Recorded data of a test's cases; keyed by case id when parametrized."""
    if len(cases) == 1:
        return cases[0].artifacts
    return {case.case: case.artifacts for case in cases if case.artifacts}


NO_RESULT = "the hidden test left no result"


def score_cases(exercise: Exercise, cases: list[CaseResult]) -> list[TestResult]:
    """Points per hidden test; a test's points are shared equally among its cases.

    A declared test that left no result counts as failed.
    """
    results = []
    for function, points in exercise.points.items():
        mine = [case for case in cases if case.function == function]
        if not mine:
            results.append(TestResult(function, Outcome.FAILED, 0.0, points, NO_RESULT))
            continue
        not_passed = [case for case in mine if case.outcome is not Outcome.PASSED]
        earned = earned_points(points, len(mine), len(mine) - len(not_passed))
        seconds = sum(case.seconds for case in mine)
        if not not_passed:
            results.append(
                TestResult(function, Outcome.PASSED, points, points, seconds=seconds, artifacts=_artifacts(mine))
            )
            continue
        first = not_passed[0]
        prefix = case_prefix(mine.index(first), len(mine))
        more = cases_suffix(len(not_passed), len(mine))
        results.append(
            TestResult(
                function,
                first.outcome,
                earned,
                points,
                f"{prefix}{first.message}{more}",
                first.details,
                seconds,
                _artifacts(mine),
            )
        )
    return results


def score_all_as(exercise: Exercise, outcome: Outcome, message: str, details: str = "") -> list[TestResult]:
    """Every hidden test with the same outcome and no points (e.g. could not load)."""
    return [TestResult(name, outcome, 0.0, points, message, details) for name, points in exercise.points.items()]
