"""Points and wording shared by the grader's scoring and the nbgrader runtime.

A hidden test's points are shared equally among its parametrized cases; a case is
named by its position, never by pytest's parameter id (ids are the grader's internals
and can spell out hidden inputs). ``grader.scoring`` uses this module, and
``grader.exports.nbgrader`` ships it inside ``_grader_testing.py``, so a notebook
graded by nbgrader earns exactly what the grader gives.
"""

from __future__ import annotations

__all__ = ["earned_points", "case_prefix", "cases_suffix"]


def earned_points(points: float, cases: int, passed: int) -> float:
    """What a test worth ``points`` earns when ``passed`` of its ``cases`` cases pass (4 decimals)."""
    if cases <= 0 or passed <= 0:
        return 0.0
    if passed >= cases:
        return float(points)
    return round(points / cases * passed, 4)


def case_prefix(index: int, cases: int) -> str:
    """``"case 2 of 3: "`` before a failing case's message; nothing for a test with one case."""
    return f"case {index + 1} of {cases}: " if cases > 1 else ""


def cases_suffix(failed: int, cases: int) -> str:
    """``" (2 of 3 cases did not pass)"`` after the message; nothing for a test with one case."""
    return f" ({failed} of {cases} cases did not pass)" if cases > 1 else ""
